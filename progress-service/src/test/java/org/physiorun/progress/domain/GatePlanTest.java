package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.support.Journeys;

class GatePlanTest {

    private final GatePlan plan = Plans.defaults();

    @Test
    void aPlanMadeBeforeItsProtocolHadTimeRulesGetsTheirDefaults() {
        String event = Journeys.planCreated(UUID.randomUUID(), UUID.randomUUID(), "athlete-1", Plans.INJURY_DATE)
                .replaceFirst(",\\s*\"timeRules\": \\{[^}]*}", "");
        assertFalse(event.contains("timeRules"), "a version-1 plan-created has no time rules");
        GatePlan versionOne = read(event);
        // 2 days and 36 hours between sprints, 5 points either side of a level, 14 days to clearance, 72 hours to log.
        assertEquals(new TimeRules(2, 36, 5, 14, 72), versionOne.timing());
        assertEquals(TimeRules.DEFAULTS, versionOne.timing());
    }

    @Test
    void aPlanTakesItsTimeRulesFromPlanCreated() {
        String event = Journeys.planCreated(UUID.randomUUID(), UUID.randomUUID(), "athlete-1", Plans.INJURY_DATE)
                .replace("\"maxLateHours\": 72", "\"maxLateHours\": 24");
        assertEquals(24, read(event).timing().maxLateHours());
    }

    private static GatePlan read(String event) {
        try {
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            return json.treeToValue(json.readTree(event).get("data"), PlanCreated.class).toGatePlan();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theInjuryDateIsDayOne() {
        assertEquals(1, plan.day(Plans.at(1, 0, 0)));
        assertEquals(1, plan.day(Plans.at(1, 23, 59)));
        assertEquals(7, plan.day(Plans.at(7, 0, 0)));
    }

    @Test
    void theDayTurnsAtMidnightInTheAthletesTimeZone() {
        // 23:30 UTC on 7 March is 00:30 on 8 March in Berlin.
        assertEquals(7, plan.day(Instant.parse("2026-03-07T23:30:00Z")));
        assertEquals(6, plan.day(Instant.parse("2026-03-07T22:30:00Z")));
        GatePlan utc = Plans.defaults(ZoneOffset.UTC);
        assertEquals(6, utc.day(Instant.parse("2026-03-07T23:30:00Z")));
    }

    @Test
    void anExerciseOfALaterPhaseIsOutOfPhase() {
        assertTrue(plan.isOutOfPhase("diver", 2));
        assertFalse(plan.isOutOfPhase("glider", 2));
        assertFalse(plan.isOutOfPhase("extender", 3), "earlier phases may go on being logged");
        assertFalse(plan.isOutOfPhase(GatePlan.EASY_RUN, 1));
    }

    @Test
    void onlyPrescribedExercisesAndEasyRunsCanBeLogged() {
        assertTrue(plan.isLoggable("glider"));
        assertTrue(plan.isLoggable("easy-run"));
        assertFalse(plan.isLoggable("leg-press"));
    }

    @Test
    void anEasyRunHasNoDoseToFallShortOf() {
        SessionLog run = SessionBuilder.atDose(plan, GatePlan.EASY_RUN).at(Plans.at(3, 8, 0)).build();
        assertNull(run.sets());
        assertTrue(plan.atDose(run));
        assertFalse(plan.atDose(SessionBuilder.atDose(plan, "glider").at(Plans.at(3, 8, 0)).reps(7).build()));
    }

    @Test
    void painFreeMeansNoPainAboveTheMaximum() {
        assertTrue(plan.painFree(SessionBuilder.atDose(plan, "glider").at(Plans.at(3, 8, 0)).pain(0).build()));
        assertFalse(plan.painFree(SessionBuilder.atDose(plan, "glider").at(Plans.at(3, 8, 0)).pain(0, 1).build()));
    }

    @Test
    void aGateMayNotSkipAPhase() {
        assertThrows(IllegalArgumentException.class, () -> new PhaseGate(1, 3, 7, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new PhaseGate(2, 1, 7, List.of(), null));
    }

    @Test
    void aPlanRejectsCriteriaOnExercisesItDoesNotPrescribe() {
        assertThrows(IllegalArgumentException.class, () -> Plans.withGates(List.of(
                new PhaseGate(1, 2, 7, List.of(new StreakCriterion("leg-press", 2, false)), null))));
        assertThrows(IllegalArgumentException.class, () -> Plans.withSprints(
                new SprintLadder("hill-sprints", List.of(60, 100), 2), plan.clearance(), plan.regression()));
    }

    @Test
    void aPlanRejectsInconsistentParameters() {
        assertThrows(IllegalArgumentException.class, () -> Plans.withPain(4, 3));
        assertThrows(IllegalArgumentException.class, () -> Plans.withGates(List.of(
                new PhaseGate(1, 2, 7, List.of(), null), new PhaseGate(1, 2, 9, List.of(), null))));
        assertThrows(IllegalArgumentException.class,
                () -> new SprintLadder("sprint-build-ups", List.of(60, 90, 80), 2));
        assertThrows(IllegalArgumentException.class, () -> Plans.withSprints(
                new SprintLadder("sprint-build-ups", List.of(60, 80), 2), plan.clearance(), plan.regression()));
        assertThrows(IllegalArgumentException.class, () -> new Regression(3, 4, List.of("a-skips")));
        assertThrows(IllegalArgumentException.class, () -> new StreakCriterion("glider", 0, false));
        assertThrows(IllegalArgumentException.class, () -> new EasyRunCriterion(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TimeRules(2, 36, -1, 14, 72));
    }

    @Test
    void theLadderKnowsTheLevelAfterEach() {
        SprintLadder ladder = plan.ladder();
        assertEquals(80, ladder.levelAfter(60).orElseThrow());
        assertEquals(100, ladder.levelAfter(90).orElseThrow());
        assertTrue(ladder.levelAfter(100).isEmpty());
        assertTrue(ladder.levelAfter(70).isEmpty());
    }

    @Test
    void theClockNeedsToLookOnlyWhenTimeAloneCouldStillOpenSomething() {
        // The gate out of phase 1 opens on day 7: the clock looks at its first moment in the athlete's zone.
        Athlete athlete = Athlete.onDefaults();
        athlete.tick(Plans.at(5, 12, 0));
        assertEquals(Optional.of(Plans.at(7, 0, 0)), athlete.last.nextCheckAt());
        athlete.tick(Plans.at(7, 0, 0));
        assertEquals(Optional.empty(), athlete.last.nextCheckAt(), "day 7 came and the sessions are missing");

        Athlete inPhaseThree = Athlete.onDefaults().reachPhase(3);
        inPhaseThree.tick(Plans.at(20, 9, 30));
        assertEquals(Optional.of(Plans.at(29, 0, 0)), inPhaseThree.last.nextCheckAt());

        // Phase 4 has no gate with a day, but clearance waits 14 days from the day phase 4 began (day 29).
        Athlete inPhaseFour = Athlete.onDefaults().reachPhase(4);
        inPhaseFour.tick(Plans.at(30, 0, 0));
        assertEquals(Optional.of(Plans.at(43, 0, 0)), inPhaseFour.last.nextCheckAt());
        // Once cleared, time alone moves nothing.
        Athlete cleared = Athlete.onDefaults().reachClearance();
        cleared.tick(Plans.at(44, 0, 0));
        assertEquals(Optional.empty(), cleared.last.nextCheckAt());
    }
}
