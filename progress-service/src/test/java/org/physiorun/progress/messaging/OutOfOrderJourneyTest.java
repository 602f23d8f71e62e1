package org.physiorun.progress.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time and the prescription on the real topics (protocol section 4a): sessions put straight on
 * {@code session-events} by an operator's own producer, performed days ago, arriving in any order. They are judged
 * in the order they were performed, sprints count only when spaced and at the prescribed effort, and a published
 * decision stands even when a late session would have kept its gate shut.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class OutOfOrderJourneyTest {

    private static final List<String> THROUGH_PHASE_FOUR_AND_BACK =
            List.of("phase-advanced", "phase-advanced", "phase-advanced", "phase-regressed");

    @Test
    void aTightSprintThatArrivedBeforeTheSessionThatOpenedPhaseFourStillSendsTheAthleteBack() {
        PhaseFourAndATightSprint journey = new PhaseFourAndATightSprint();
        journey.athlete.log(journey.tightSprint);
        // the tight sprint is counted first, while the athlete is still in phase 3: a sprint is out of phase there
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> journey.athlete.asPhysio()
                .get("/api/progress/" + journey.athlete.athleteId + "/sessions").then()
                .body("find { it.eventId == '" + journey.tightSprint.eventId() + "' }.outOfPhase", equalTo(true)));
        journey.athlete.log(journey.opener);

        List<JsonNode> events = journey.assertPhaseFourThenBack();
        // placed at its time, the sprint was a phase-4 session after all
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> journey.athlete.asPhysio()
                .get("/api/progress/" + journey.athlete.athleteId + "/sessions").then()
                .body("find { it.eventId == '" + journey.tightSprint.eventId() + "' }.phase", equalTo(4))
                .body("find { it.eventId == '" + journey.tightSprint.eventId() + "' }.outOfPhase", equalTo(false)));
        journey.athlete.assertNothingMoreThan(events);
    }

    @Test
    void theSameSessionsInTheOrderTheyWerePerformedGiveTheSameDecisions() {
        PhaseFourAndATightSprint journey = new PhaseFourAndATightSprint();
        journey.athlete.log(journey.opener);
        assertEquals(3, journey.athlete.events(3).size());
        journey.athlete.log(journey.tightSprint);

        List<JsonNode> events = journey.assertPhaseFourThenBack();
        journey.athlete.assertNothingMoreThan(events);
    }

    @Test
    void aLateSessionThatCompletesAGateOpensItAtOnceAsOfWhenItWasPerformed() {
        AthleteJourney athlete = new AthleteJourney(20).withPlan();
        athlete.log(athlete.at("isometric-heel-press", 6));
        athlete.log(athlete.at("extender", 6));
        athlete.log(athlete.at("isometric-heel-press", 7));
        var secondExtender = athlete.at("extender", 7); // performed on day 7, logged after the Glider of day 9
        var glider = athlete.at("glider", 9);
        athlete.log(glider);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("$", hasSize(4))
                        .body("[0].eventId", equalTo(glider.eventId().toString()))
                        .body("[0].outOfPhase", equalTo(true))
                        .body("[0].counted", equalTo(false))
                        .body("[0].notCountedBecause", equalTo("out-of-phase")));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(1));

        Instant sent = Instant.now();
        athlete.log(secondExtender);

        List<JsonNode> events = athlete.events(1);
        assertEquals(List.of("phase-advanced"), AthleteJourney.types(events));
        JsonNode opened = events.get(0);
        assertEquals(1, opened.at("/data/fromPhase").asInt());
        assertEquals(2, opened.at("/data/toPhase").asInt());
        assertEquals(secondExtender.eventId().toString(), opened.at("/data/sessionEventId").asText());
        assertEquals(secondExtender.performedAtInstant(), Instant.parse(opened.at("/data/effectiveAt").asText()),
                "the gate opened as of when the completing session was performed");
        Instant decidedAt = Instant.parse(opened.at("/data/decidedAt").asText());
        assertTrue(!decidedAt.isBefore(sent.minusSeconds(1)), "decided when the late session arrived: " + decidedAt);
        // The Glider of day 9, out of phase when it arrived, is now a phase-2 session that counts.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("[0].eventId", equalTo(glider.eventId().toString()))
                        .body("[0].phase", equalTo(2))
                        .body("[0].outOfPhase", equalTo(false))
                        .body("[0].counted", equalTo(true)));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().body("phase", equalTo(2))
                .body("nextGate.criteria.find { it.id == 'streak:glider' }.detail", startsWith("1 of 3"));
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void sixSprintSessionsInOneAfternoonCountOnce() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        int logged = athlete.reachPhaseFour();
        List<JsonNode> events = athlete.events(3);
        List<Journeys.Session> sprints = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sprints.add(athlete.at("sprint-build-ups", 31, 14 + i / 2, i % 2 * 30).intensity(60)); // 14:00-16:30
        }
        sprints.forEach(athlete::log);
        athlete.awaitSessions(logged + 6);

        String sprintSessions = "findAll { it.exercise == 'sprint-build-ups' }";
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                .body(sprintSessions, hasSize(6))
                // newest first: the five after the first of the afternoon are too soon
                .body(sprintSessions + ".counted", equalTo(List.of(false, false, false, false, false, true)))
                .body(sprintSessions + ".findAll { !it.counted }.notCountedBecause",
                        everyItem(equalTo("too-soon-after-last-sprint")))
                .body(sprintSessions + "[0].explanation", containsString("too soon"))
                .body(sprintSessions + "[5].eventId", equalTo(sprints.get(0).eventId().toString()));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(4))
                .body("sprintLevel", equalTo(60))
                .body("nextGate.criteria.find { it.id == 'sprint-level:60' }.detail", startsWith("1 of 2"));
        // no sprint-level-advanced: the three phase advances are all there is
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced"), AthleteJourney.types(events));
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void aSprintAboveThePrescribedEffortCountsTowardNothing() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan();
        int logged = athlete.reachPhaseFour();
        List<JsonNode> events = athlete.events(3);
        // two sessions, properly spaced, pain-free and at dose: at 60% they would have opened 80%
        athlete.log(athlete.at("sprint-build-ups", 31, 17, 0).intensity(100));
        athlete.log(athlete.at("sprint-build-ups", 33, 17, 0).intensity(100));
        athlete.awaitSessions(logged + 2);

        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                .body("findAll { it.exercise == 'sprint-build-ups' }.counted", equalTo(List.of(false, false)))
                .body("findAll { it.exercise == 'sprint-build-ups' }.notCountedBecause",
                        equalTo(List.of("above-prescribed-effort", "above-prescribed-effort")));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(4))
                .body("sprintLevel", equalTo(60));
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced"), AthleteJourney.types(events));
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void aLateSessionThatWouldHaveKeptAnOpenedGateShutFlagsTheDecisionForReview() {
        AthleteJourney athlete = new AthleteJourney(20).withPlan();
        for (int day : new int[]{6, 7}) {
            athlete.log(athlete.at("isometric-heel-press", day));
            athlete.log(athlete.at("extender", day));
        }
        List<JsonNode> events = athlete.events(1);
        assertEquals(List.of("phase-advanced"), AthleteJourney.types(events));
        Instant opened = Instant.parse(events.get(0).at("/data/effectiveAt").asText());

        // A second, painful Extender session on day 6, logged only now: it breaks the streak the gate rested on.
        var painfulExtra = athlete.at("extender", 6, 20, 0).pain(2, 0);
        athlete.log(painfulExtra);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                        .body("reviewFlags", hasSize(1)));

        String flaggedDecision = athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                .body("phase", equalTo(2))
                .body("reviewFlags[0].message", containsString("review"))
                .extract().path("reviewFlags[0].effectiveAt");
        assertEquals(opened, Instant.parse(flaggedDecision), "the flag names the decision that stands");
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                .body("find { it.eventId == '" + painfulExtra.eventId() + "' }.counted", equalTo(false))
                .body("find { it.eventId == '" + painfulExtra.eventId() + "' }.notCountedBecause",
                        equalTo("beyond-prescribed-frequency"))
                .body("find { it.eventId == '" + painfulExtra.eventId() + "' }.painFree", equalTo(false));
        // the physiotherapist's overview shows the flag too
        athlete.asPhysio().get("/api/progress").then().statusCode(200)
                .body("find { it.athleteId == '" + athlete.athleteId + "' }.reviewFlags", hasSize(1));
        // the decision stands and no new one is made
        athlete.assertNothingMoreThan(events);
    }

    /**
     * An athlete at the end of phase 3, the Walkouts session of day 29 that opens phase 4 ({@code opener}) and a
     * sprint with tightness on day 30 ({@code tightSprint}), neither sent yet.
     */
    private static final class PhaseFourAndATightSprint {

        final AthleteJourney athlete = new AthleteJourney(45).withPlan();
        final Journeys.Session opener;
        final Journeys.Session tightSprint;

        PhaseFourAndATightSprint() {
            athlete.phasesOneAndTwo().forEach(athlete::log);
            List<Journeys.Session> phaseThree = athlete.phaseThree();
            opener = phaseThree.get(phaseThree.size() - 1);
            phaseThree.subList(0, phaseThree.size() - 1).forEach(athlete::log);
            tightSprint = athlete.at("sprint-build-ups", 30).intensity(60).tight();
            assertEquals(2, athlete.events(2).size());
        }

        /** Phase 4 opened with the Walkouts session and was left with the tight sprint, each as of its own time. */
        List<JsonNode> assertPhaseFourThenBack() {
            List<JsonNode> events = athlete.events(4);
            assertEquals(THROUGH_PHASE_FOUR_AND_BACK, AthleteJourney.types(events));
            JsonNode advanced = events.get(2);
            assertEquals(3, advanced.at("/data/fromPhase").asInt());
            assertEquals(4, advanced.at("/data/toPhase").asInt());
            assertEquals(opener.eventId().toString(), advanced.at("/data/sessionEventId").asText());
            assertEquals(opener.performedAtInstant(), Instant.parse(advanced.at("/data/effectiveAt").asText()));
            JsonNode regressed = events.get(3);
            assertEquals(4, regressed.at("/data/fromPhase").asInt());
            assertEquals(3, regressed.at("/data/toPhase").asInt());
            assertTrue(regressed.at("/data/reason").asText().contains("tightness"), regressed.toString());
            assertEquals(tightSprint.eventId().toString(), regressed.at("/data/sessionEventId").asText());
            assertEquals(tightSprint.performedAtInstant(), Instant.parse(regressed.at("/data/effectiveAt").asText()),
                    "the regression takes effect when the tight sprint was performed");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then()
                            .body("phase", equalTo(3))
                            .body("nextGate.toPhase", equalTo(4)));
            return events;
        }
    }
}
