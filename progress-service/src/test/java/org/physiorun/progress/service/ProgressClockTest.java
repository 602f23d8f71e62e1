package org.physiorun.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step whose last missing criterion is time opens when the day arrives, with no new session. The athletes here
 * are recent enough that the day is still to come; the test drives the clock to it.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class ProgressClockTest {

    @Inject
    ProgressClock clock;

    @Test
    void dayThreeWorkOpensTheFirstGateOnDaySeven() {
        AthleteJourney athlete = new AthleteJourney(4).withPlan(); // today is day 4
        for (int day : new int[]{2, 3}) {
            athlete.log(athlete.at("isometric-heel-press", day));
            athlete.log(athlete.at("extender", day));
        }
        athlete.awaitSessions(4);
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(1))
                .body("nextGate.criteria.find { it.id == 'min-day' }.met", equalTo(false))
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.met", equalTo(true))
                .body("nextGate.criteria.find { it.id == 'streak:isometric-heel-press' }.met", equalTo(true));

        clock.reevaluateAll(at(athlete, 6, 23, 59)); // day 6
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(1));

        clock.reevaluateAll(at(athlete, 7, 0, 1)); // day 7
        clock.reevaluateAll(at(athlete, 7, 0, 2)); // again: nothing new
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(2));
        List<JsonNode> events = athlete.events(1);
        assertEquals("phase-advanced", AthleteJourney.types(events).get(0));
        assertTrue(events.get(0).at("/data/sessionEventId").isMissingNode(), "time, not a session, opened it");
        assertTrue(events.get(0).at("/data/criteria").toString().contains("min-day"));
        assertEquals(at(athlete, 7, 0, 0), Instant.parse(events.get(0).at("/data/effectiveAt").asText()),
                "the gate opened at 00:00 of day 7");
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void returnToRunIsClearedOnTheFourteenthDayOfPhaseFourAndNotBefore() {
        AthleteJourney athlete = new AthleteJourney(41).withPlan(); // today is day 41
        int logged = athlete.reachPhaseFour(); // phase 4 from the morning of day 29: clearance possible from day 43
        athlete.log(athlete.at("a-skips", 30));
        athlete.log(athlete.at("a-skips", 32));
        int[] sprintDays = {30, 32, 34, 36, 38, 40};
        int[] efforts = {60, 60, 80, 80, 90, 90};
        for (int i = 0; i < sprintDays.length; i++) {
            athlete.log(athlete.at("sprint-build-ups", sprintDays[i], 17, 0).intensity(efforts[i]));
        }
        List<JsonNode> climbed = athlete.events(6);
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced", "sprint-level-advanced",
                "sprint-level-advanced", "sprint-level-advanced"), AthleteJourney.types(climbed));
        athlete.awaitSessions(logged + 8);

        // Sprints and A-skips would clear the athlete: only the days are missing.
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("sprintLevel", equalTo(100))
                .body("returnToRunCleared", equalTo(false))
                .body("nextGate.criteria.find { it.id == 'clearance:sprints' }.met", equalTo(true))
                .body("nextGate.criteria.find { it.id == 'clearance:drill' }.met", equalTo(true))
                .body("nextGate.criteria.find { it.id == 'clearance:min-days' }.met", equalTo(false));

        clock.reevaluateAll(at(athlete, 42, 23, 59)); // the 13th day after phase 4 began
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("returnToRunCleared", equalTo(false));

        clock.reevaluateAll(at(athlete, 43, 0, 1)); // the 14th
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("returnToRunCleared", equalTo(true))
                .body("nextGate", nullValue());
        List<JsonNode> events = athlete.events(7);
        JsonNode cleared = events.get(6);
        assertEquals("return-to-run-cleared", AthleteJourney.types(events).get(6));
        assertTrue(cleared.at("/data/sessionEventId").isMissingNode(), "time, not a session, cleared the athlete");
        assertTrue(cleared.at("/data/criteria").toString().contains("clearance:min-days"), cleared.toString());
        assertEquals(at(athlete, 43, 0, 0), Instant.parse(cleared.at("/data/effectiveAt").asText()),
                "cleared at 00:00 of the 14th day after the day phase 4 began");
        athlete.assertNothingMoreThan(events);
    }

    /** Programme day {@code day} of the athlete at {@code hour}:{@code minute} UTC (the plan's zone here). */
    private static Instant at(AthleteJourney athlete, int day, int hour, int minute) {
        LocalDate date = athlete.injuryDate.plusDays(day - 1L);
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }
}
