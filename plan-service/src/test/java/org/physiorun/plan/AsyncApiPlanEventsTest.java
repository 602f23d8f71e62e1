package org.physiorun.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.AsyncApiContract;
import org.physiorun.infra.testing.RealServers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.physiorun.plan.Identities.asPhysio;

/**
 * plan-service's events match the AsyncAPI document that the gateway serves: a plan made, its settings changed, and
 * a new plan that closes it give every type the document names for plan-events, each matching its message.
 * ({@link Kafka#read} checks every plan event that any test reads the same way.)
 */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class AsyncApiPlanEventsTest {

    private static final String TOPIC = "plan-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKindOfPlanEventMatchesItsMessage() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        asPhysio().contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Oslo", "reminderTime", "06:30"))
                .when().patch("/api/plans/" + planId).then().statusCode(200);
        Intake.accepted().with("athleteId", intake.athleteId()).open();

        List<ConsumerRecord<String, String>> records = Kafka.read(TOPIC, intake.athleteId(), 4);
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            assertEquals(List.of(), AsyncApiContract.load().headerViolations(TOPIC, event, record.headers()),
                    record.value());
            types.add(event.get("type").asText());
        }
        assertEquals(4, records.size());
        assertEquals(AsyncApiContract.load().eventTypes(TOPIC), types);

        // and the check is strict: a gate without its earliest day, or a side the document does not know, fails it
        ObjectNode created = (ObjectNode) JSON.readTree(records.get(0).value());
        ObjectNode noEarliestDay = created.deepCopy();
        ((ObjectNode) noEarliestDay.at("/data/gates/0")).remove("earliestDay");
        ObjectNode unknownSide = created.deepCopy();
        ((ObjectNode) unknownSide.get("data")).put("side", "BOTH");
        assertEquals(List.of(), AsyncApiContract.load().violations(TOPIC, created));
        assertFalse(AsyncApiContract.load().violations(TOPIC, noEarliestDay).isEmpty());
        assertFalse(AsyncApiContract.load().violations(TOPIC, unknownSide).isEmpty());
    }
}
