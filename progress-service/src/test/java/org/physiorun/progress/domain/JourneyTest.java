package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/**
 * One athlete from injury to return-to-run clearance under the default plan, with a setback on the way. Injured on
 * Monday 2 March 2026 (day 1); programme weeks run Monday to Sunday (days 8-14, 15-21, ...).
 */
class JourneyTest {

    private final Athlete athlete = Athlete.onDefaults();

    private void phaseThreeWork(int... days) {
        for (int day : days) {
            athlete.log("diver", day);
            athlete.log("nordic-full", day);
            athlete.log("walkouts", day);
        }
    }

    private void sprint(int day, int intensity) {
        athlete.log("sprint-build-ups", day, s -> s.intensity(intensity));
    }

    @Test
    void fromDayOneToClearance() {
        // Phase 1: isometric holds twice daily, the extender daily; one sore day and one flare-up.
        for (int day = 1; day <= 6; day++) {
            final int today = day;
            athlete.log("isometric-heel-press", day, s -> s.pain(0, today == 5 ? 4 : 0));
            athlete.log("isometric-heel-press", day, s -> s.pain(today <= 2 ? 2 : 0));
            athlete.log("extender", day, s -> s.pain(today == 3 ? 2 : 0));
        }
        athlete.tick(Plans.at(7, 0, 5));
        assertEquals(2, athlete.state.phase());

        // Phase 2: three times a week, and an easy run; one Glider short of full range on day 10.
        for (int day : new int[] {8, 10, 12}) {
            final int today = day;
            athlete.log("glider", day, s -> s.fullRange(today != 10));
            athlete.log("single-leg-rdl", day);
            athlete.log("nordic-assisted", day);
        }
        athlete.log("easy-run", 13);
        UUID fourthGliderOfTheWeek = UUID.randomUUID();
        athlete.log("glider", 14, s -> s.eventId(fourthGliderOfTheWeek));
        assertEquals(NotCounted.BEYOND_PRESCRIBED_FREQUENCY,
                athlete.verdict(fourthGliderOfTheWeek).notCountedBecause());
        athlete.tick(Plans.at(15, 0, 5));
        assertEquals(2, athlete.state.phase(), "the Glider has 1 of 3 at full range: the fourth of the week is extra");
        athlete.log("glider", 15);
        athlete.log("glider", 16);
        assertEquals(3, athlete.state.phase());

        // Phase 3, with an A-skips session logged ahead of its phase.
        phaseThreeWork(17, 19, 21, 23);
        UUID aheadOfItsPhase = UUID.randomUUID();
        athlete.log("a-skips", 20, s -> s.eventId(aheadOfItsPhase));
        athlete.tick(Plans.at(28, 0, 5));
        athlete.tick(Plans.at(29, 0, 5));
        assertEquals(4, athlete.state.phase());

        // Phase 4: the ladder, every other day; a pull at 80% the day after a sprint, back to phase 3.
        athlete.log("a-skips", 29);
        sprint(30, 60);
        sprint(32, 60);
        athlete.log("a-skips", 33);
        sprint(34, 80);
        athlete.log("sprint-build-ups", 35, s -> s.intensity(80).tight().pain(0, 2));
        assertEquals(3, athlete.state.phase());

        // Phase 3 re-earned from new sessions, then the ladder from 60% again.
        phaseThreeWork(36, 37, 38);
        assertEquals(4, athlete.state.phase());
        sprint(39, 60);
        athlete.log("a-skips", 39);
        sprint(41, 60);
        athlete.log("a-skips", 41);
        sprint(43, 80);
        sprint(45, 80);
        athlete.log("a-skips", 46);
        sprint(47, 90);
        athlete.log("a-skips", 48);
        sprint(49, 90);
        assertEquals(100, athlete.state.sprintLevel());
        athlete.tick(Plans.at(51, 23, 59));
        assertFalse(athlete.state.returnToRunCleared(), "phase 4 began again on day 38: clearance from day 52");
        athlete.tick(Plans.at(52, 0, 5));

        assertEquals(List.of(
                new PainCeilingExceeded(4, "isometric-heel-press", List.of("pain-ceiling")),
                new PhaseAdvanced(1, 2, List.of("min-day", "streak:isometric-heel-press", "streak:extender")),
                new PhaseAdvanced(2, 3, List.of("min-day", "streak:glider", "streak:single-leg-rdl",
                        "streak:nordic-assisted", "easy-run")),
                new PhaseAdvanced(3, 4, List.of("min-day", "streak:diver", "streak:nordic-full", "streak:walkouts")),
                new SprintLevelAdvanced(60, 80, List.of("sprint-level:60")),
                new PhaseRegressed(4, 3, "tightness and pain 2/10 during Progressive Sprint Build-Ups", false,
                        List.of("regression:tightness", "regression:pain")),
                new PhaseAdvanced(3, 4, List.of("min-day", "streak:diver", "streak:nordic-full", "streak:walkouts")),
                new SprintLevelAdvanced(60, 80, List.of("sprint-level:60")),
                new SprintLevelAdvanced(80, 90, List.of("sprint-level:80")),
                new SprintLevelAdvanced(90, 100, List.of("sprint-level:90")),
                new ReturnToRunCleared(List.of("clearance:sprints", "clearance:drill", "clearance:min-days"))),
                athlete.decisions);

        assertEquals(4, athlete.state.phase());
        assertEquals(100, athlete.state.sprintLevel());
        assertTrue(athlete.state.returnToRunCleared());
        CapacityCheck check = athlete.check(Plans.at(52, 20, 0));
        assertEquals(52, check.day());
        assertNull(check.nextGate());
        assertEquals(NotCounted.OUT_OF_PHASE, athlete.verdict(aheadOfItsPhase).notCountedBecause());
    }
}
