package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatePlanTest {

    private final GatePlan plan = Plans.defaults();

    @Test
    void defaultsHoldTheTenExercisesWithTheirPhasesAndDoses() {
        assertEquals(Map.of(
                "isometric-heel-press", new Prescription("isometric-heel-press", "Isometric Hold", 1, 3, null, 30, null, null),
                "extender", new Prescription("extender", "Extender", 1, 3, 12, null, null, null),
                "glider", new Prescription("glider", "Glider", 2, 3, 8, null, null, null),
                "single-leg-rdl", new Prescription("single-leg-rdl", "Single-Leg Romanian Deadlift (SL RDL)", 2, 3, 10,
                        null, null, null),
                "nordic-assisted", new Prescription("nordic-assisted", "Nordic (assisted)", 2, 3, 6, null, null, null),
                "diver", new Prescription("diver", "Diver", 3, 3, 8, null, null, null),
                "nordic-full", new Prescription("nordic-full", "Nordic (full)", 3, 4, 8, null, null, null),
                "walkouts", new Prescription("walkouts", "Walkouts", 3, 3, 10, null, null, null),
                "a-skips", new Prescription("a-skips", "A-skips and high knees", 4, 3, null, null, 20, null),
                "sprint-build-ups", new Prescription("sprint-build-ups", "Progressive Sprint Build-Ups", 4, 1, 6,
                        null, null, 6)),
                plan.prescriptions());
        assertEquals(0, plan.painFreeMax());
        assertEquals(3, plan.painCeiling());
    }

    @Test
    void defaultsHoldTheThreePhaseGates() {
        assertEquals(List.of(
                new PhaseGate(1, 2, 7, List.of(
                        new StreakCriterion("isometric-heel-press", 2, false),
                        new StreakCriterion("extender", 2, false)), null),
                new PhaseGate(2, 3, 15, List.of(
                        new StreakCriterion("glider", 3, true),
                        new StreakCriterion("single-leg-rdl", 3, true),
                        new StreakCriterion("nordic-assisted", 3, false)), new EasyRunCriterion(7, 1)),
                new PhaseGate(3, 4, 29, List.of(
                        new StreakCriterion("diver", 3, true),
                        new StreakCriterion("nordic-full", 3, false),
                        new StreakCriterion("walkouts", 3, false)), null)),
                plan.gates());
        assertTrue(plan.gateFrom(4).isEmpty());
    }

    @Test
    void defaultsHoldTheSprintLadderClearanceAndRegression() {
        assertEquals(new SprintLadder("sprint-build-ups", List.of(60, 80, 90, 100), 2), plan.ladder());
        assertEquals(new Clearance(90, 2, "a-skips", 2), plan.clearance());
        assertEquals(new Regression(4, 3, List.of("a-skips", "sprint-build-ups")), plan.regression());
        assertEquals(4, plan.ladderPhase());
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
        GatePlan utc = GatePlan.defaults("plan-utc", Plans.INJURY_DATE, java.time.ZoneOffset.UTC);
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
    void theClockNeedsToLookOnlyWhenAGatesEarliestDayIsStillAhead() {
        // the gate out of phase 1 opens on day 7: its first moment in the athlete's zone
        assertEquals(java.util.Optional.of(Plans.at(7, 0, 0)), plan.earliestDayAfter(1, Plans.at(5, 12, 0)));
        assertEquals(java.util.Optional.empty(), plan.earliestDayAfter(1, Plans.at(7, 0, 0)));
        assertEquals(java.util.Optional.of(Plans.at(29, 0, 0)), plan.earliestDayAfter(3, Plans.at(20, 9, 30)));
        // phase 4 has no gate with a day: time alone never moves the ladder
        assertEquals(java.util.Optional.empty(), plan.earliestDayAfter(4, Plans.at(30, 0, 0)));
    }
}
