package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CapacityCheckTest {

    private static void sprint(Athlete athlete, int day, int intensity) {
        athlete.log("sprint-build-ups", day, s -> s.intensity(intensity));
    }

    @Test
    void aNewAthleteSeesTheGateIntoPhaseTwo() {
        Athlete athlete = Athlete.onDefaults();
        CapacityCheck check = athlete.check(Plans.at(1, 12, 0));
        assertEquals(1, check.phase());
        assertEquals(1, check.day());
        assertNull(check.sprintLevel());
        assertFalse(check.returnToRunCleared());
        assertEquals(new NextGate(2, null, false, List.of(
                new CriterionResult("min-day", "Day 7 or later, counting the injury day as day 1 (from Sun 8 Mar)",
                        false, "Day 1 of at least 7"),
                new CriterionResult("streak:isometric-heel-press",
                        "Last 2 Isometric Hold sessions at dose (3 x 30 s hold), pain-free;"
                                + " sessions count twice a day at most", false,
                        "0 of 2 consecutive pain-free Isometric Hold sessions"),
                new CriterionResult("streak:extender", "Last 2 Extender sessions at dose (3 x 12 reps), pain-free;"
                        + " sessions count once a day at most", false,
                        "0 of 2 consecutive pain-free Extender sessions"))),
                check.nextGate());
    }

    @Test
    void phaseTwoProgressReadsWellForARunner() {
        Athlete athlete = Athlete.onDefaults().reachPhase(2);
        athlete.log("glider", 9);
        athlete.log("glider", 11);
        athlete.log("nordic-assisted", 11);
        Instant now = Plans.at(12, 18, 0);
        CapacityCheck check = athlete.check(now);
        assertEquals(12, check.day());
        List<CriterionResult> criteria = check.nextGate().criteria();
        assertEquals(List.of("min-day", "streak:glider", "streak:single-leg-rdl", "streak:nordic-assisted", "easy-run"),
                criteria.stream().map(CriterionResult::id).toList());
        assertEquals("Day 12 of at least 15", criteria.get(0).detail());
        assertEquals("Last 3 Glider sessions at dose (3 x 8 reps), pain-free, at full range;"
                        + " sessions count 3 times a week at most, one a day", criteria.get(1).description());
        assertEquals("2 of 3 consecutive pain-free Glider sessions at full range", criteria.get(1).detail());
        assertEquals("1 of 3 consecutive pain-free Nordic (assisted) sessions", criteria.get(3).detail());
        assertEquals(new CriterionResult("easy-run", "At least 1 pain-free easy run in the last 7 days of this phase",
                false, "No pain-free easy run in the last 7 days of this phase"), criteria.get(4));

        athlete.log("easy-run", 12);
        assertEquals(new CriterionResult("easy-run", "At least 1 pain-free easy run in the last 7 days of this phase",
                true, "1 of 1 pain-free easy run in the last 7 days of this phase"),
                athlete.criterion("easy-run", now));
    }

    @Test
    void aSessionThatDidNotCountSaysWhyInTheCheck() {
        Athlete athlete = Athlete.onDefaults().reachPhase(2);
        athlete.log("glider", 9);
        athlete.log(athlete.session("glider").at(Plans.at(9, 18, 0)));
        assertEquals("1 of 3 consecutive pain-free Glider sessions at full range; the session of Tue 10 Mar 18:00"
                        + " did not count: Glider is prescribed 3 times a week, at most once a day: this session is"
                        + " extra and counts toward nothing",
                athlete.criterion("streak:glider", Plans.at(9, 19, 0)).detail());
    }

    @Test
    void aMetDayCriterionShowsTheDay() {
        Athlete athlete = Athlete.onDefaults().reachPhase(2);
        CriterionResult day = athlete.criterion("min-day", Plans.at(16, 8, 0));
        assertTrue(day.met());
        assertEquals("Day 16 of at least 15", day.detail());
    }

    @Test
    void belowTheClearanceLevelTheNextGateIsTheNextSprintLevel() {
        Athlete athlete = Athlete.onDefaults().reachPhase(4);
        sprint(athlete, 30, 60);
        sprint(athlete, 32, 60);
        sprint(athlete, 34, 85);
        CapacityCheck check = athlete.check(Plans.at(34, 12, 0));
        assertEquals(4, check.phase());
        assertEquals(80, check.sprintLevel());
        assertEquals(new NextGate(null, 90, false, List.of(new CriterionResult("sprint-level:80",
                        "Last 2 Progressive Sprint Build-Ups sessions at 80% effort (75-85%): at dose (6 efforts),"
                                + " pain-free, no tightness, each at least 2 days and 36 hours after the previous"
                                + " sprint session",
                        false, "1 of 2 sprint sessions at 80%"))),
                check.nextGate());
    }

    @Test
    void atTheClearanceLevelTheNextGateIsReturnToRun() {
        Athlete athlete = Athlete.onDefaults().reachPhase(4);
        sprint(athlete, 30, 60);
        sprint(athlete, 32, 60);
        sprint(athlete, 34, 80);
        sprint(athlete, 36, 80);
        assertEquals(90, athlete.state.sprintLevel());
        sprint(athlete, 38, 95);
        athlete.log("a-skips", 38);
        NextGate next = athlete.check(Plans.at(38, 12, 0)).nextGate();
        assertEquals(new NextGate(null, null, true, List.of(
                new CriterionResult("clearance:sprints",
                        "Last 2 Progressive Sprint Build-Ups sessions counted at 90% effort or more, once the ladder"
                                + " reached 90%: at dose (6 efforts), pain-free, no tightness",
                        false, "1 of 2 sprint sessions at 90% or more"
                                + " (count restarted after a session at level 80%, before the ladder reached 90%)"),
                new CriterionResult("clearance:drill", "Last 2 A-skips and high knees sessions pain-free, no tightness",
                        false, "1 of 2 consecutive pain-free A-skips and high knees sessions"),
                new CriterionResult("clearance:min-days", "At least 14 days of phase 4 (it began on Mon 30 Mar)",
                        false, "Clearance is possible from Mon 13 Apr"))),
                next);
    }

    @Test
    void onceClearedThereIsNoNextGate() {
        Athlete athlete = Athlete.onDefaults().reachClearance();
        CapacityCheck check = athlete.check(Plans.at(45, 12, 0));
        assertTrue(check.returnToRunCleared());
        assertNull(check.nextGate());
    }

    @Test
    void theCheckIsAsOfItsMomentAndChangesNothing() {
        Athlete athlete = Athlete.onDefaults();
        athlete.daily("isometric-heel-press", 5, 6);
        athlete.daily("extender", 5, 6);
        ProgressState before = athlete.state;
        assertEquals(1, athlete.check(Plans.at(6, 23, 59)).phase());
        assertEquals(2, athlete.check(Plans.at(7, 9, 0)).phase(), "day 7 has come: the gate is open as of now");
        assertEquals(before, athlete.state, "the check moves no one");
        assertTrue(athlete.decisions.isEmpty(), "and publishes nothing");
        assertEquals(List.of(new Decision.PhaseAdvanced(1, 2,
                        List.of("min-day", "streak:isometric-heel-press", "streak:extender"))),
                athlete.tick(Plans.at(7, 9, 0)), "the clock does");
    }
}
