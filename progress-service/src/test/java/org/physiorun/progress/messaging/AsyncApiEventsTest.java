package org.physiorun.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.AsyncApiContract;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.service.AdherenceService;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.KafkaTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What progress-service publishes matches the AsyncAPI document that the gateway serves. Two athletes between them
 * get every decision the document names; then every progression event the service has put on the topic in this
 * run (theirs and those of the tests before) must match the message of its type, and every type of the document
 * must have been seen: a type renamed or dropped in the code fails here as much as a field that drifted.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class AsyncApiEventsTest {

    private static final AsyncApiContract CONTRACT = AsyncApiContract.load();
    private static final String PROGRESSION = "progression-events";

    @Inject
    AdherenceService adherence;

    @Test
    void everyProgressionEventMatchesTheMessageOfItsTypeAndEveryTypeOfTheDocumentIsPublished() {
        // A pain alert, the three gates, the sprint ladder and clearance, then a setback that withdraws clearance.
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        athlete.log(athlete.at("extender", 2).pain(0, 4));
        athlete.reachPhaseFour();
        athlete.log(athlete.at("a-skips", 30));
        athlete.log(athlete.at("a-skips", 40));
        int[] sprintDays = {31, 33, 35, 37, 39, 41};
        int[] efforts = {60, 60, 80, 80, 90, 90};
        for (int i = 0; i < sprintDays.length; i++) {
            athlete.log(athlete.at("sprint-build-ups", sprintDays[i], 17, 0).intensity(efforts[i]));
        }
        athlete.log(athlete.at("a-skips", 44).tight());
        // Low adherence: the Extender alone, every day of the last week.
        AthleteJourney lapsed = new AthleteJourney(10).withPlan();
        lapsed.log("extender", 3, 4, 5, 6, 7, 8, 9);
        lapsed.awaitSessions(7);
        adherence.watchAll(Instant.now());

        assertEquals(List.of("pain-ceiling-exceeded", "phase-advanced", "phase-advanced", "phase-advanced",
                "sprint-level-advanced", "sprint-level-advanced", "sprint-level-advanced", "return-to-run-cleared",
                "phase-regressed"), AthleteJourney.types(athlete.events(9)));
        assertEquals(List.of("adherence-low"), AthleteJourney.types(lapsed.events(1)));

        Set<String> published = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> record : new KafkaTestClient(RealServers.kafkaBootstrapServers())
                .readAll(PROGRESSION, r -> "/progress-service".equals(KafkaTestClient.json(r).path("source").asText()))) {
            JsonNode event = KafkaTestClient.json(record);
            assertEquals(List.of(), CONTRACT.violations(PROGRESSION, event), event.toString());
            assertEquals(List.of(), CONTRACT.headerViolations(PROGRESSION, event, record.headers()), event.toString());
            published.add(event.get("type").asText());
        }
        assertEquals(CONTRACT.eventTypes(PROGRESSION), published);
    }

    @Test
    void anEventThatDriftedFromTheDocumentIsCaught() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        athlete.log(athlete.at("extender", 2).pain(0, 5));
        JsonNode alert = athlete.events(1).get(0);

        ObjectNode renamed = alert.deepCopy();
        ((ObjectNode) renamed.get("data")).set("painLevel", ((ObjectNode) renamed.get("data")).remove("pain"));
        ObjectNode outOfRange = alert.deepCopy();
        ((ObjectNode) outOfRange.get("data")).put("pain", 11);
        ObjectNode unknownType = alert.deepCopy();
        unknownType.put("type", "physiorun.progression.pain-noted");

        assertFalse(CONTRACT.violations(PROGRESSION, renamed).isEmpty(), "a renamed field");
        assertFalse(CONTRACT.violations(PROGRESSION, outOfRange).isEmpty(), "a pain above 10");
        assertFalse(CONTRACT.violations(PROGRESSION, unknownType).isEmpty(), "a type the document does not give");
    }

    @Test
    void aSessionTheIntakeWritesAndARecordSetAsideMatchTheirMessages() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        athlete.asRunner().contentType(ContentType.JSON).body(athlete.at("extender", 2).json())
                .when().post("/api/sessions").then().statusCode(202);
        athlete.kafka.send("session-events", athlete.athleteId, "not a session {");

        List<ConsumerRecord<byte[], byte[]>> written = athlete.kafka.await("session-events",
                r -> KafkaTestClient.keyIn(Set.of(athlete.athleteId)).test(r)
                        && KafkaTestClient.header(r, "physiorun-entered-by") != null, 1, Duration.ofSeconds(30));
        assertFalse(written.isEmpty(), "the intake wrote the session to session-events");
        JsonNode session = KafkaTestClient.json(written.get(0));
        assertEquals(List.of(), CONTRACT.violations("session-events", session), session.toString());
        assertEquals(List.of(), CONTRACT.headerViolations("session-events", session, written.get(0).headers()));

        List<ConsumerRecord<byte[], byte[]>> setAside = athlete.kafka.await("session-events-dlq", athlete.athleteId, 1,
                Duration.ofSeconds(30));
        assertFalse(setAside.isEmpty(), "the record that is not a session was dead-lettered");
        assertEquals(List.of(), CONTRACT.headerViolations("session-events-dlq", MissingNode.getInstance(),
                setAside.get(0).headers()));
    }
}
