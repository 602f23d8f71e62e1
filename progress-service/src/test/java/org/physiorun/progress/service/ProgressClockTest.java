package org.physiorun.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gate whose last missing criterion is the day opens when the day arrives, with no new session. */
@QuarkusTest
@WithTestResource(RealServers.class)
class ProgressClockTest {

    @Inject
    ProgressClock clock;

    @Test
    void dayFiveWorkOpensTheFirstGateOnDaySeven() {
        AthleteJourney athlete = new AthleteJourney(12).withPlan();
        athlete.log("isometric-heel-press", 4, 5);
        athlete.log("extender", 4, 5);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                when().get("/api/progress/" + athlete.athleteId + "/sessions").then().body("size()", equalTo(4)));

        clock.reevaluateAll(athlete.injuryDate.plusDays(5).atTime(23, 59).toInstant(ZoneOffset.UTC)); // day 6
        when().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(1));

        clock.reevaluateAll(athlete.injuryDate.plusDays(6).atTime(0, 1).toInstant(ZoneOffset.UTC)); // day 7
        clock.reevaluateAll(athlete.injuryDate.plusDays(6).atTime(0, 2).toInstant(ZoneOffset.UTC)); // again: nothing new
        when().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(2));
        List<JsonNode> events = athlete.events(1);
        assertEquals("phase-advanced", AthleteJourney.types(events).get(0));
        assertTrue(events.get(0).at("/data/sessionEventId").isMissingNode(), "time, not a session, opened it");
        assertTrue(events.get(0).at("/data/criteria").toString().contains("min-day"));
        assertEquals(1, athlete.kafka.progressionEvents(athlete.athleteId, 2, Duration.ofSeconds(2)).size());
    }
}
