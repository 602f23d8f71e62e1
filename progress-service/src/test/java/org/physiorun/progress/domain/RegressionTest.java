package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

class RegressionTest {

    private static final PhaseAdvanced THREE_TO_FOUR =
            new PhaseAdvanced(3, 4, List.of("min-day", "streak:diver", "streak:nordic-full", "streak:walkouts"));

    /** In phase 4 since day 29, at sprint level 80 from day 32. */
    private static Athlete atEighty() {
        Athlete athlete = Athlete.onDefaults().reachPhase(4);
        athlete.log("sprint-build-ups", 30, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 32, s -> s.intensity(60));
        assertEquals(80, athlete.state.sprintLevel());
        return athlete;
    }

    private static void phaseThreeWork(Athlete athlete, int day) {
        athlete.log("diver", day);
        athlete.log("nordic-full", day);
        athlete.log("walkouts", day);
    }

    @Test
    void tightnessInASkipsDropsTheAthleteBackToPhaseThreeFromTheMomentOfThatSession() {
        Athlete athlete = atEighty();
        Instant performed = Plans.at(33, 8, 30);
        List<Decision> decisions = athlete.log(athlete.session("a-skips").at(performed).tight()
                .loggedAt(Plans.at(33, 9, 0)));
        assertEquals(List.of(new PhaseRegressed(4, 3, "tightness in A-skips and high knees", false,
                List.of("regression:tightness"))), decisions);
        assertEquals(new ProgressState(3, performed, true, null, null, false, 1), athlete.state);
    }

    @Test
    void anyPainInASprintSessionDropsTheAthleteBack() {
        Athlete athlete = atEighty();
        assertEquals(List.of(new PhaseRegressed(4, 3, "pain 2/10 during Progressive Sprint Build-Ups", false,
                List.of("regression:pain"))), athlete.log("sprint-build-ups", 34, s -> s.intensity(80).pain(0, 2)));
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void painOfOneIsEnoughAndNoPainIsNot() {
        Athlete athlete = atEighty();
        assertTrue(athlete.log("sprint-build-ups", 34, s -> s.intensity(80).pain(0)).isEmpty());
        assertEquals(List.of(new PhaseRegressed(4, 3, "pain 1/10 during Progressive Sprint Build-Ups", false,
                List.of("regression:pain"))), athlete.log("sprint-build-ups", 36, s -> s.intensity(80).pain(1)));
    }

    @Test
    void aSprintThatCountsTowardNothingStillRegresses() {
        // The day after the last sprint and at 100% while 80% is prescribed: not counted, but a pull is never ignored.
        Athlete athlete = atEighty();
        assertEquals(List.of(new PhaseRegressed(4, 3, "tightness in Progressive Sprint Build-Ups", false,
                List.of("regression:tightness"))), athlete.log("sprint-build-ups", 33, s -> s.intensity(100).tight()));
    }

    @Test
    void painAboveTheCeilingAlertsFirstThenRegresses() {
        Athlete athlete = atEighty();
        assertEquals(List.of(
                        new PainCeilingExceeded(5, "a-skips", List.of("pain-ceiling")),
                        new PhaseRegressed(4, 3, "tightness and pain 5/10 during A-skips and high knees", false,
                                List.of("regression:tightness", "regression:pain"))),
                athlete.log("a-skips", 33, s -> s.pain(5).tight()));
    }

    @Test
    void otherExercisesInPhaseFourDoNotRegress() {
        Athlete athlete = atEighty();
        assertTrue(athlete.log("diver", 33, s -> s.pain(2).tight()).isEmpty());
        assertTrue(athlete.log("easy-run", 33, s -> s.pain(1).tight()).isEmpty());
        assertEquals(4, athlete.state.phase());
    }

    @Test
    void regressionRevokesClearance() {
        Athlete athlete = Athlete.onDefaults().reachClearance();
        assertEquals(List.of(new PhaseRegressed(4, 3, "tightness in A-skips and high knees", true,
                List.of("regression:tightness"))), athlete.log("a-skips", 45, SessionBuilder::tight));
        assertEquals(3, athlete.state.phase());
        assertFalse(athlete.state.returnToRunCleared());
    }

    @Test
    void phaseThreeIsReEarnedOnlyFromSessionsAfterTheRegression() {
        Athlete athlete = Athlete.onDefaults().reachPhase(4);
        athlete.log("sprint-build-ups", 30, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 32, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 34, s -> s.intensity(80));
        athlete.log("a-skips", 35, SessionBuilder::tight);
        assertEquals(3, athlete.state.phase());

        assertTrue(athlete.tick(Plans.at(36, 0, 0)).isEmpty(), "phase 3 sessions before the regression do not count");
        // A Diver session performed before the regression that only now arrives does not count either.
        athlete.log(athlete.session("diver").at(Plans.at(35, 7, 0)).loggedAt(Plans.at(36, 8, 0)));
        assertEquals("0 of 3 consecutive pain-free Diver sessions at full range",
                athlete.criterion("streak:diver", Plans.at(36, 9, 0)).detail());
        // Sprints in phase 3 are out of phase: no second regression, and no count toward the ladder later.
        assertTrue(athlete.log("sprint-build-ups", 36, s -> s.intensity(60).tight()).isEmpty());

        phaseThreeWork(athlete, 36);
        phaseThreeWork(athlete, 37);
        athlete.log("diver", 38);
        athlete.log("nordic-full", 38);
        Instant performed = Plans.at(38, 11, 0);
        assertEquals(List.of(THREE_TO_FOUR),
                athlete.log(athlete.session("walkouts").at(performed).loggedAt(Plans.at(38, 12, 0))));
        assertEquals(new ProgressState(4, performed, false, 60, performed, false, 1), athlete.state,
                "the ladder starts again at 60%");

        assertTrue(athlete.log("sprint-build-ups", 39, s -> s.intensity(60)).isEmpty(),
                "sprints before the new phase 4 do not count toward its ladder");
        assertEquals(List.of(new SprintLevelAdvanced(60, 80, List.of("sprint-level:60"))),
                athlete.log("sprint-build-ups", 41, s -> s.intensity(60)));
    }

    @Test
    void aTightSessionPerformedBeforeThePhaseDoesNotRegressIt() {
        Athlete athlete = atEighty();
        SessionBuilder late = athlete.session("a-skips").at(Plans.at(28, 18, 0)).tight()
                .loggedAt(Plans.at(32, 9, 0));
        assertTrue(athlete.log(late).isEmpty());
        assertEquals(4, athlete.state.phase());
    }

    @Test
    void onlyPhaseFourRegresses() {
        Athlete athlete = Athlete.onDefaults().reachPhase(3);
        assertTrue(athlete.log("a-skips", 16, SessionBuilder::tight).isEmpty());
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void theClockDoesNotRegressAgain() {
        Athlete athlete = atEighty();
        athlete.log("a-skips", 33, SessionBuilder::tight);
        assertTrue(athlete.tick(Plans.at(33, 9, 0)).isEmpty());
        assertTrue(athlete.tick(Plans.at(40, 0, 0)).isEmpty());
        assertEquals(1, athlete.decisions.stream().filter(PhaseRegressed.class::isInstance).count());
        assertEquals(3, athlete.state.phase());
    }
}
