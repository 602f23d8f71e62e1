package org.physiorun.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole journeys through the real topics: plan-created and sessions in, progression CloudEvents out. */
@QuarkusTest
@WithTestResource(RealServers.class)
class ProgressionJourneyTest {

    @Test
    void fromPlanCreatedToReturnToRunClearedWithExactlyTheExpectedEvents() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        athlete.reachPhaseFour(); // phase 4 from the morning of day 29: clearance is possible from day 43
        athlete.log(athlete.at("a-skips", 30));
        athlete.log(athlete.at("a-skips", 40));
        int[] sprintDays = {31, 33, 35, 37, 39, 41}; // every other day, the same time of day
        int[] efforts = {60, 60, 80, 80, 90, 90};
        for (int i = 0; i < sprintDays.length; i++) {
            athlete.log(athlete.at("sprint-build-ups", sprintDays[i], 17, 0).intensity(efforts[i]));
        }

        List<JsonNode> events = athlete.events(7);
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced", "sprint-level-advanced",
                "sprint-level-advanced", "sprint-level-advanced", "return-to-run-cleared"), AthleteJourney.types(events));
        assertEquals(List.of(1, 2, 3), events.subList(0, 3).stream().map(e -> e.at("/data/fromPhase").asInt()).toList());
        assertEquals(List.of(2, 3, 4), events.subList(0, 3).stream().map(e -> e.at("/data/toPhase").asInt()).toList());
        assertEquals(List.of(60, 80, 90), events.subList(3, 6).stream().map(e -> e.at("/data/fromLevel").asInt()).toList());
        assertEquals(List.of(80, 90, 100), events.subList(3, 6).stream().map(e -> e.at("/data/toLevel").asInt()).toList());

        JsonNode first = events.get(0);
        assertEquals("1.0", first.get("specversion").asText());
        assertEquals("/progress-service", first.get("source").asText());
        assertEquals(athlete.athleteId, first.get("subject").asText());
        assertEquals("application/json", first.get("datacontenttype").asText());
        assertEquals(athlete.athleteId, first.at("/data/athleteId").asText());
        assertEquals(athlete.planId.toString(), first.at("/data/planId").asText());
        assertEquals(athlete.clinicId, first.at("/data/clinicId").asText());
        assertTrue(first.at("/data/criteria").toString().contains("streak:extender"), first.toString());
        assertFalse(first.at("/data/sessionEventId").isMissingNode());
        assertFalse(first.at("/data/decidedAt").isMissingNode());
        assertFalse(first.at("/data/effectiveAt").isMissingNode());
        Set<String> ids = events.stream().map(e -> e.get("id").asText()).collect(Collectors.toSet());
        assertEquals(7, ids.size(), "one id per decision");

        // Sprints and A-skips were enough from the sprint of day 41 on, but clearance takes 14 days of phase 4:
        // the athlete was cleared as day 43 began (today is day 45), by the day arriving rather than by a session.
        JsonNode cleared = events.get(6);
        assertEquals(athlete.injuryDate.plusDays(42).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Instant.parse(cleared.at("/data/effectiveAt").asText()), cleared.toString());
        assertTrue(cleared.at("/data/sessionEventId").isMissingNode(), cleared.toString());
        assertTrue(cleared.at("/data/criteria").toString().contains("clearance:min-days"), cleared.toString());

        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().statusCode(200)
                .body("phase", equalTo(4))
                .body("sprintLevel", equalTo(100))
                .body("returnToRunCleared", equalTo(true))
                .body("nextGate", nullValue());
        // nothing more was decided than those seven, on the topic or in the service's own list
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void tightnessInASkipsSendsTheAthleteBackToPhaseThreeAndTheGateIsReEarnedFromNewSessions() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        athlete.reachPhaseFour();
        athlete.log(athlete.at("sprint-build-ups", 31).intensity(60));
        athlete.log(athlete.at("sprint-build-ups", 33).intensity(60));
        var tightASkips = athlete.at("a-skips", 34).tight();
        athlete.log(tightASkips);

        List<JsonNode> events = athlete.events(5);
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced", "sprint-level-advanced",
                "phase-regressed"), AthleteJourney.types(events));
        JsonNode regressed = events.get(4);
        assertEquals(4, regressed.at("/data/fromPhase").asInt());
        assertEquals(3, regressed.at("/data/toPhase").asInt());
        assertTrue(regressed.at("/data/reason").asText().contains("tightness"), regressed.toString());
        assertEquals(tightASkips.performedAtInstant(), Instant.parse(regressed.at("/data/effectiveAt").asText()));
        assertTrue(regressed.at("/data/clearanceRevoked").isMissingNode(), "there was no clearance to revoke");
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(3)).body("nextGate.toPhase", equalTo(4));

        // Only sessions after the setback count: the gate re-opens with the third new round, not before.
        // (Diver and Nordic (full): days 25, 27, 29 and then 36, 38, 40, never four in seven days.)
        for (int day : new int[]{36, 38}) {
            athlete.log("diver", day);
            athlete.log("nordic-full", day);
            athlete.log("walkouts", day);
        }
        athlete.log("diver", 40);
        athlete.log("nordic-full", 40);
        var thirdWalkouts = athlete.at("walkouts", 40);
        athlete.log(thirdWalkouts);
        List<JsonNode> after = athlete.events(6);
        assertEquals("phase-advanced", AthleteJourney.types(after).get(5));
        assertEquals(3, after.get(5).at("/data/fromPhase").asInt());
        assertEquals(4, after.get(5).at("/data/toPhase").asInt());
        assertEquals(thirdWalkouts.eventId().toString(), after.get(5).at("/data/sessionEventId").asText());
        assertEquals(6, after.stream().map(e -> e.get("id").asText()).distinct().count(), "a new decision, a new id");
        // the ladder starts again at 60%
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> athlete.asPhysio()
                .get("/api/progress/" + athlete.athleteId)
                .then().body("phase", equalTo(4)).body("sprintLevel", equalTo(60)));
        athlete.assertNothingMoreThan(after);
    }

    @Test
    void sprintPainInPhaseFourIsARegressionAndAnythingAboveThreeIsAnAlert() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        athlete.log(athlete.at("isometric-heel-press", 2).pain(3, 3)); // at the ceiling: no alert
        athlete.log(athlete.at("extender", 2).pain(0, 4));             // above it
        athlete.reachPhaseFour();
        athlete.log(athlete.at("sprint-build-ups", 31).intensity(60).pain(1, 0));

        List<JsonNode> events = athlete.events(5);
        assertEquals(List.of("pain-ceiling-exceeded", "phase-advanced", "phase-advanced", "phase-advanced",
                "phase-regressed"), AthleteJourney.types(events));
        assertEquals(4, events.get(0).at("/data/pain").asInt());
        assertEquals("extender", events.get(0).at("/data/exercise").asText());
        assertEquals(List.of(1, 2, 3), events.subList(1, 4).stream().map(e -> e.at("/data/fromPhase").asInt()).toList());
        assertEquals(4, events.get(4).at("/data/fromPhase").asInt());
        assertEquals(3, events.get(4).at("/data/toPhase").asInt());
        assertTrue(events.get(4).at("/data/reason").asText().contains("pain"), events.get(4).toString());
        athlete.assertNothingMoreThan(events);

        // the physiotherapist's overview shows both alerts, the newest first
        String entry = "find { it.athleteId == '" + athlete.athleteId + "' }";
        athlete.asPhysio().get("/api/progress").then().statusCode(200)
                .body(entry + ".phase", equalTo(3))
                .body(entry + ".alerts.type", equalTo(List.of("physiorun.progression.phase-regressed",
                        "physiorun.progression.pain-ceiling-exceeded")))
                .body(entry + ".alerts[1].summary", equalTo("Pain 4/10 in Extender"))
                .body(entry + ".lastSessionAt", notNullValue());
    }

    @Test
    void aDuplicateSessionIsCountedOnce() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        var session = athlete.at("extender", 3);
        athlete.log(session);
        athlete.log(session);
        athlete.log(athlete.at("glider", 3)); // out of phase in phase 1
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then().statusCode(200)
                        .body("$", hasSize(2))
                        .body("[0].exercise", equalTo("glider"))
                        .body("[0].outOfPhase", equalTo(true))
                        .body("[0].counted", equalTo(false))
                        .body("[0].notCountedBecause", equalTo("out-of-phase"))
                        .body("[1].exercise", equalTo("extender"))
                        .body("[1].outOfPhase", equalTo(false))
                        .body("[1].atDose", equalTo(true))
                        .body("[1].painFree", equalTo(true))
                        .body("[1].counted", equalTo(true))
                        .body("[1].notCountedBecause", nullValue())
                        // put straight on the topic, without the intake's header: the operator's own producer
                        .body("[1].enteredBy", equalTo("producer"))
                        .body("[1].loggedAt", notNullValue()));
    }
}
