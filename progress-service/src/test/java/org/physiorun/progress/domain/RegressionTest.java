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

    /** In phase 4 since day 29, at sprint level 80. */
    private static Athlete atEighty() {
        Athlete athlete = Athlete.inPhase(4, 29);
        athlete.log("sprint-build-ups", 30, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 31, s -> s.intensity(60));
        assertEquals(80, athlete.state.sprintLevel());
        return athlete;
    }

    @Test
    void tightnessInASkipsDropsTheAthleteBackToPhaseThree() {
        Athlete athlete = atEighty();
        Instant now = Plans.at(32, 9, 0);
        List<Decision> decisions = athlete.log(athlete.session("a-skips").at(Plans.at(32, 8, 30)).tight(), now);
        assertEquals(List.of(new PhaseRegressed(4, 3, "tightness in A-skips and high knees",
                List.of("regression:tightness"))), decisions);
        assertEquals(new ProgressState(3, now, null, null, false), athlete.state);
    }

    @Test
    void anyPainInASprintSessionDropsTheAthleteBack() {
        Athlete athlete = atEighty();
        assertEquals(List.of(new PhaseRegressed(4, 3, "pain 2/10 during Progressive Sprint Build-Ups",
                List.of("regression:pain"))), athlete.log("sprint-build-ups", 32, s -> s.intensity(80).pain(0, 2)));
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void painOfOneIsEnoughAndNoPainIsNot() {
        Athlete athlete = atEighty();
        assertTrue(athlete.log("sprint-build-ups", 32, s -> s.intensity(80).pain(0)).isEmpty());
        assertEquals(List.of(new PhaseRegressed(4, 3, "pain 1/10 during Progressive Sprint Build-Ups",
                List.of("regression:pain"))), athlete.log("sprint-build-ups", 33, s -> s.intensity(80).pain(1)));
    }

    @Test
    void painAboveTheCeilingAlertsFirstThenRegresses() {
        Athlete athlete = atEighty();
        assertEquals(List.of(
                        new PainCeilingExceeded(5, "a-skips", List.of("pain-ceiling")),
                        new PhaseRegressed(4, 3, "tightness and pain 5/10 during A-skips and high knees",
                                List.of("regression:tightness", "regression:pain"))),
                athlete.log("a-skips", 32, s -> s.pain(5).tight()));
    }

    @Test
    void otherExercisesInPhaseFourDoNotRegress() {
        Athlete athlete = atEighty();
        assertTrue(athlete.log("diver", 32, s -> s.pain(2).tight()).isEmpty());
        assertTrue(athlete.log("easy-run", 32, s -> s.pain(1).tight()).isEmpty());
        assertEquals(4, athlete.state.phase());
    }

    @Test
    void regressionRevokesClearance() {
        Instant since = Plans.at(29, 7, 0);
        Athlete athlete = new Athlete(Plans.defaults(), new ProgressState(4, since, 100, Plans.at(40, 9, 0), true));
        athlete.log("a-skips", 45, SessionBuilder::tight);
        assertEquals(3, athlete.state.phase());
        assertFalse(athlete.state.returnToRunCleared());
    }

    @Test
    void phaseThreeIsReEarnedOnlyFromSessionsAfterTheRegression() {
        Athlete athlete = Athlete.inPhase(3, 15);
        for (int day : new int[] {16, 18, 20}) {
            athlete.log("diver", day);
            athlete.log("nordic-full", day);
            athlete.log("walkouts", day);
        }
        assertEquals(List.of(THREE_TO_FOUR), athlete.tick(Plans.at(29, 0, 0)));
        athlete.log("sprint-build-ups", 30, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 31, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 32, s -> s.intensity(80));
        athlete.log("a-skips", 33, SessionBuilder::tight);
        assertEquals(3, athlete.state.phase());

        assertTrue(athlete.tick(Plans.at(34, 0, 0)).isEmpty(), "phase 3 sessions before the regression do not count");
        // A Diver session performed before the regression that only now arrives does not count either.
        athlete.log(athlete.session("diver").at(Plans.at(33, 7, 0)), Plans.at(34, 8, 0));
        assertEquals("0 of 3 consecutive pain-free Diver sessions at full range",
                athlete.criterion("streak:diver", Plans.at(34, 9, 0)).detail());
        // Sprints in phase 3 are out of phase: no second regression, and no count toward the ladder later.
        assertTrue(athlete.log("sprint-build-ups", 34, s -> s.intensity(80).tight()).isEmpty());

        for (int day : new int[] {34, 35}) {
            athlete.log("diver", day);
            athlete.log("nordic-full", day);
            athlete.log("walkouts", day);
        }
        athlete.log("diver", 36);
        athlete.log("nordic-full", 36);
        Instant now = Plans.at(36, 12, 0);
        assertEquals(List.of(THREE_TO_FOUR),
                athlete.log(athlete.session("walkouts").at(Plans.at(36, 11, 0)), now));
        assertEquals(new ProgressState(4, now, 60, now, false), athlete.state, "the ladder starts again at 60%");

        assertTrue(athlete.log("sprint-build-ups", 37, s -> s.intensity(80)).isEmpty(),
                "sprints before the new phase 4 do not count toward its ladder");
        assertEquals(List.of(new SprintLevelAdvanced(60, 80, List.of("sprint-level:60"))),
                athlete.log("sprint-build-ups", 38, s -> s.intensity(80)));
    }

    @Test
    void aTightSessionPerformedBeforeThePhaseDoesNotRegressIt() {
        Athlete athlete = atEighty();
        SessionBuilder late = athlete.session("a-skips").at(Plans.at(28, 18, 0)).tight();
        assertTrue(athlete.log(late, Plans.at(32, 9, 0)).isEmpty());
        assertEquals(4, athlete.state.phase());
    }

    @Test
    void onlyPhaseFourRegresses() {
        Athlete athlete = Athlete.inPhase(3, 15);
        assertTrue(athlete.log("a-skips", 16, SessionBuilder::tight).isEmpty());
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void theClockDoesNotRegress() {
        Athlete athlete = atEighty();
        athlete.history.add(athlete.session("a-skips").at(Plans.at(32, 8, 0)).tight().loggedIn(4, false).build());
        assertTrue(athlete.tick(Plans.at(32, 9, 0)).isEmpty());
        assertEquals(4, athlete.state.phase());
    }
}
