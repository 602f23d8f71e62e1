package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CapacityCheckTest {

    @Test
    void aNewAthleteSeesTheGateIntoPhaseTwo() {
        Athlete athlete = Athlete.onDefaults();
        CapacityCheck check = athlete.check(Plans.at(1, 12, 0));
        assertEquals(1, check.phase());
        assertEquals(1, check.day());
        assertNull(check.sprintLevel());
        assertFalse(check.returnToRunCleared());
        assertEquals(new NextGate(2, null, false, List.of(
                new CriterionResult("min-day", "Day 7 or later, counting the injury day as day 1", false,
                        "Day 1 of at least 7"),
                new CriterionResult("streak:isometric-heel-press",
                        "Last 2 Isometric Hold sessions at dose (3 x 30 s hold), pain-free", false,
                        "0 of 2 consecutive pain-free Isometric Hold sessions"),
                new CriterionResult("streak:extender", "Last 2 Extender sessions at dose (3 x 12 reps), pain-free", false,
                        "0 of 2 consecutive pain-free Extender sessions"))),
                check.nextGate());
    }

    @Test
    void phaseTwoProgressReadsWellForARunner() {
        Athlete athlete = Athlete.inPhase(2, 7);
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
        assertEquals("Last 3 Glider sessions at dose (3 x 8 reps), pain-free, at full range",
                criteria.get(1).description());
        assertEquals("2 of 3 consecutive pain-free Glider sessions at full range", criteria.get(1).detail());
        assertEquals("1 of 3 consecutive pain-free Nordic (assisted) sessions", criteria.get(3).detail());
        assertEquals(new CriterionResult("easy-run", "At least 1 pain-free easy run in the last 7 days", false,
                "No pain-free easy run in the last 7 days"), criteria.get(4));

        athlete.log("easy-run", 12);
        assertEquals(new CriterionResult("easy-run", "At least 1 pain-free easy run in the last 7 days", true,
                "1 of 1 pain-free easy run in the last 7 days"), athlete.criterion("easy-run", now));
    }

    @Test
    void aMetDayCriterionShowsTheDay() {
        Athlete athlete = Athlete.inPhase(2, 7);
        CriterionResult day = athlete.criterion("min-day", Plans.at(16, 8, 0));
        assertTrue(day.met());
        assertEquals("Day 16 of at least 15", day.detail());
    }

    @Test
    void belowTheClearanceLevelTheNextGateIsTheNextSprintLevel() {
        Athlete athlete = Athlete.inPhase(4, 29);
        athlete.log("sprint-build-ups", 30, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 31, s -> s.intensity(60));
        athlete.log("sprint-build-ups", 32, s -> s.intensity(85));
        CapacityCheck check = athlete.check(Plans.at(32, 12, 0));
        assertEquals(4, check.phase());
        assertEquals(80, check.sprintLevel());
        assertEquals(new NextGate(null, 90, false, List.of(new CriterionResult("sprint-level:80",
                        "Last 2 Progressive Sprint Build-Ups sessions at 80% effort or more since reaching 80%:"
                                + " at dose (6 efforts), pain-free, no tightness",
                        false, "1 of 2 pain-free sessions at 80% effort or more"))),
                check.nextGate());
    }

    @Test
    void atTheClearanceLevelTheNextGateIsReturnToRun() {
        Instant since = Plans.at(29, 7, 0);
        Athlete athlete = new Athlete(Plans.defaults(), new ProgressState(4, since, 90, Plans.at(36, 9, 0), false));
        athlete.log("sprint-build-ups", 37, s -> s.intensity(95));
        athlete.log("a-skips", 37);
        NextGate next = athlete.check(Plans.at(37, 12, 0)).nextGate();
        assertEquals(new NextGate(null, null, true, List.of(
                new CriterionResult("clearance:sprints",
                        "Last 2 Progressive Sprint Build-Ups sessions at 90% effort or more:"
                                + " at dose (6 efforts), pain-free, no tightness",
                        false, "1 of 2 pain-free sessions at 90% effort or more"),
                new CriterionResult("clearance:drill", "Last 2 A-skips and high knees sessions pain-free", false,
                        "1 of 2 consecutive pain-free A-skips and high knees sessions"))),
                next);
    }

    @Test
    void onceClearedThereIsNoNextGate() {
        Instant since = Plans.at(29, 7, 0);
        Athlete athlete = new Athlete(Plans.defaults(), new ProgressState(4, since, 90, since, true));
        CapacityCheck check = athlete.check(Plans.at(40, 12, 0));
        assertTrue(check.returnToRunCleared());
        assertNull(check.nextGate());
    }

    @Test
    void theCheckChangesNothingAndCountsNoSessionFromTheFuture() {
        Athlete athlete = Athlete.onDefaults();
        athlete.log("extender", 3);
        athlete.history.add(athlete.session("extender").at(Plans.at(4, 8, 0)).build());
        assertEquals("1 of 2 consecutive pain-free Extender sessions",
                athlete.criterion("streak:extender", Plans.at(3, 12, 0)).detail());
        assertEquals("2 of 2 consecutive pain-free Extender sessions",
                athlete.criterion("streak:extender", Plans.at(4, 12, 0)).detail());
        assertEquals(ProgressState.start(Plans.at(1, 7, 0)), athlete.state);
    }
}
