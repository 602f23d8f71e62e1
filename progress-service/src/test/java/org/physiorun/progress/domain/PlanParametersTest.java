package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/** The rules take every figure from the plan: the same sessions judged under other parameters. */
class PlanParametersTest {

    private static final PhaseAdvanced ONE_TO_TWO =
            new PhaseAdvanced(1, 2, List.of("min-day", "streak:isometric-heel-press", "streak:extender"));

    private static Athlete starting(GatePlan plan) {
        return new Athlete(plan, ProgressState.start(Plans.at(1, 7, 0)));
    }

    private static GatePlan phaseOneGate(int earliestDay, int sessions) {
        return Plans.withGates(List.of(new PhaseGate(1, 2, earliestDay, List.of(
                new StreakCriterion("isometric-heel-press", sessions, false),
                new StreakCriterion("extender", sessions, false)), null)));
    }

    @Test
    void aStreakOfOneOpensTheGateWhereTheDefaultNeedsTwo() {
        Athlete shortStreak = starting(phaseOneGate(7, 1));
        Athlete defaults = Athlete.onDefaults();
        for (Athlete athlete : List.of(shortStreak, defaults)) {
            athlete.log("isometric-heel-press", 7);
            athlete.log("extender", 7);
        }
        assertEquals(List.of(ONE_TO_TWO), shortStreak.decisions);
        assertTrue(defaults.decisions.isEmpty());
    }

    @Test
    void theEarliestDayComesFromThePlan() {
        Athlete athlete = starting(phaseOneGate(3, 2));
        athlete.log("isometric-heel-press", 2);
        athlete.log("isometric-heel-press", 2);
        athlete.log("extender", 2);
        athlete.log("extender", 2);
        assertEquals(List.of(ONE_TO_TWO), athlete.tick(Plans.at(3, 0, 0)));
    }

    @Test
    void aHigherPainFreeMaximumLetsMildPainCount() {
        Athlete athlete = starting(Plans.withPain(1, 3));
        for (int i = 0; i < 2; i++) {
            athlete.log("isometric-heel-press", 7, s -> s.pain(1));
            athlete.log("extender", 7, s -> s.pain(0, 1));
        }
        assertEquals(List.of(ONE_TO_TWO), athlete.decisions);

        Instant since = Plans.at(29, 7, 0);
        Athlete sprinter = new Athlete(Plans.withPain(1, 3), new ProgressState(4, since, 60, since, false));
        assertTrue(sprinter.log("sprint-build-ups", 30, s -> s.intensity(60).pain(1)).isEmpty());
        assertEquals(4, sprinter.state.phase(), "pain 1 does not regress when the plan counts it as pain-free");
    }

    @Test
    void theEasyRunWindowAndCountComeFromThePlan() {
        GatePlan d = Plans.defaults();
        PhaseGate twoToThree = new PhaseGate(2, 3, 15, d.gateFrom(2).orElseThrow().streaks(), new EasyRunCriterion(3, 2));
        GatePlan plan = Plans.withGates(List.of(d.gateFrom(1).orElseThrow(), twoToThree, d.gateFrom(3).orElseThrow()));
        Athlete athlete = new Athlete(plan, new ProgressState(2, Plans.at(7, 7, 0), null, null, false));
        for (int day : new int[] {8, 10, 12}) {
            athlete.log("glider", day);
            athlete.log("single-leg-rdl", day);
            athlete.log("nordic-assisted", day);
        }
        athlete.log("easy-run", 12);
        athlete.log("easy-run", 14);
        assertTrue(athlete.tick(Plans.at(15, 0, 0)).isEmpty(), "day 12 is outside the last 3 days on day 15");
        assertEquals("1 of 2 pain-free easy runs in the last 3 days",
                athlete.criterion("easy-run", Plans.at(15, 0, 0)).detail());
        assertEquals(1, athlete.log("easy-run", 15).size());
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void theLadderAndClearanceComeFromThePlan() {
        GatePlan d = Plans.defaults();
        GatePlan plan = Plans.withSprints(new SprintLadder("sprint-build-ups", List.of(50, 75, 100), 1),
                new Clearance(75, 1, "a-skips", 1), d.regression());
        Instant since = Plans.at(29, 7, 0);
        Athlete athlete = new Athlete(plan, new ProgressState(4, since, 50, since, false));
        athlete.log("a-skips", 30);
        assertEquals(List.of(new SprintLevelAdvanced(50, 75, List.of("sprint-level:50"))),
                athlete.log("sprint-build-ups", 30, s -> s.intensity(50)));
        assertEquals(List.of(new SprintLevelAdvanced(75, 100, List.of("sprint-level:75")),
                        new ReturnToRunCleared(List.of("clearance:sprints", "clearance:drill"))),
                athlete.log("sprint-build-ups", 31, s -> s.intensity(80)));
    }

    @Test
    void oneSessionOpensOneLevelEvenWhenItIsProcessedAtTheInstantItWasPerformed() {
        GatePlan d = Plans.defaults();
        GatePlan plan = Plans.withSprints(new SprintLadder("sprint-build-ups", List.of(60, 80, 90, 100), 1),
                d.clearance(), d.regression());
        Instant since = Plans.at(29, 7, 0);
        Athlete athlete = new Athlete(plan, new ProgressState(4, since, 60, since, false));
        Instant performed = Plans.at(30, 8, 0);
        assertEquals(List.of(new SprintLevelAdvanced(60, 80, List.of("sprint-level:60"))),
                athlete.log(athlete.session("sprint-build-ups").intensity(100).at(performed), performed));
        assertTrue(athlete.log("sprint-build-ups", 31, s -> s.intensity(50)).isEmpty(),
                "the 100% session served level 60 and cannot serve level 80 too");
        assertEquals(80, athlete.state.sprintLevel());
    }
}
