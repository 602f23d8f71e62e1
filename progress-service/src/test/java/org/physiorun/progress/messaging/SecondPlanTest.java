package org.physiorun.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;
import org.physiorun.progress.support.KafkaTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An athlete who gets a second plan (a new injury, or the physiotherapist starting over): plan-created closes the
 * previous plan, sessions count toward the new one only, a late copy of the old plan changes nothing, and once the
 * new plan is closed (plan-closed) the athlete has no active plan.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class SecondPlanTest {

    @Test
    void aNewPlanClosesThePreviousOneAndSessionsCountTowardTheNewPlanOnly() {
        AthleteJourney athlete = new AthleteJourney(20).withPlan();
        UUID firstPlan = athlete.planId;
        athlete.log("isometric-heel-press", 6, 7);
        athlete.log("extender", 6, 7);
        List<JsonNode> firstPlanEvents = athlete.events(1);
        assertEquals(firstPlan.toString(), firstPlanEvents.get(0).at("/data/planId").asText());
        assertEquals(2, firstPlanEvents.get(0).at("/data/toPhase").asInt());

        UUID secondPlan = UUID.randomUUID();
        String secondPlanCreated = Journeys.planCreated(UUID.randomUUID(), secondPlan, athlete.athleteId,
                athlete.clinicId, athlete.injuryDate, "UTC");
        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId, secondPlanCreated);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().statusCode(200)
                        .body("planId", equalTo(secondPlan.toString())));
        // The new plan starts from phase 1 with none of the first plan's sessions.
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(1))
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("0 of 2"));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then().statusCode(200)
                .body("size()", equalTo(0));

        // A late copy of the first plan's plan-created (a new event id, the old plan) does not bring it back.
        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId, Journeys.planCreated(UUID.randomUUID(),
                firstPlan, athlete.athleteId, athlete.clinicId, athlete.injuryDate, "UTC"));
        // plan-updated for the new plan after it, on the same partition: once it shows, the late copy was read.
        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId,
                Journeys.planUpdated(UUID.randomUUID(), secondPlan, athlete.athleteId, "Africa/Abidjan")); // UTC all year
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/adherence").then()
                        .body("timeZone", equalTo("Africa/Abidjan")));
        // Two days of phase 1 again, under the new plan: its own gate opens, with a new decision.
        athlete.log("isometric-heel-press", 8);
        athlete.log("extender", 8);
        athlete.awaitSessions(2);
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("planId", equalTo(secondPlan.toString()))
                .body("phase", equalTo(1))
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("1 of 2"));
        athlete.log("isometric-heel-press", 9);
        athlete.log("extender", 9);
        List<JsonNode> events = athlete.events(2);
        assertEquals(secondPlan.toString(), events.get(1).at("/data/planId").asText());
        assertEquals(List.of(1, 2), List.of(events.get(1).at("/data/fromPhase").asInt(), events.get(1).at("/data/toPhase").asInt()));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                .body("planId.unique()", contains(secondPlan.toString()))
                .body("size()", equalTo(4));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(2));
        athlete.assertNothingMoreThan(events);

        // plan-closed for the new plan: no active plan is left, so sessions are refused.
        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId,
                Journeys.planClosed(UUID.randomUUID(), secondPlan, athlete.athleteId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().statusCode(404));
        athlete.asRunner().contentType(ContentType.JSON).body(athlete.at("glider", 10).json())
                .post("/api/sessions").then().statusCode(409).body("type", equalTo("/problems/no-active-plan"));
        Journeys.Session afterClosing = athlete.at("glider", 10);
        athlete.log(afterClosing);
        List<ConsumerRecord<byte[], byte[]>> dead = athlete.kafka.await("session-events-dlq",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(afterClosing.eventId().toString()),
                1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "a session for a closed plan is dead-lettered");
        assertTrue(KafkaTestClient.header(dead.get(0), "dlq-reason").startsWith("no-active-plan"));
        // What was decided under either plan stays in the athlete's history.
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/events").then().statusCode(200)
                .body("id", equalTo(events.stream().map(e -> e.get("id").asText()).toList()));
    }
}
