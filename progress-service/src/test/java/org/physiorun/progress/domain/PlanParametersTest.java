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
    private static final List<String> CLEARANCE_CRITERIA =
            List.of("clearance:sprints", "clearance:drill", "clearance:min-days");

    private static GatePlan phaseOneGate(int earliestDay, int sessions) {
        return Plans.withGates(List.of(new PhaseGate(1, 2, earliestDay, List.of(
                new StreakCriterion("isometric-heel-press", sessions, false),
                new StreakCriterion("extender", sessions, false)), null)));
    }

    @Test
    void aStreakOfOneOpensTheGateWhereTheDefaultNeedsTwo() {
        Athlete shortStreak = new Athlete(phaseOneGate(7, 1));
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
        Athlete athlete = new Athlete(phaseOneGate(3, 2));
        athlete.daily("isometric-heel-press", 1, 2);
        athlete.daily("extender", 1, 2);
        assertEquals(List.of(ONE_TO_TWO), athlete.tick(Plans.at(3, 0, 0)));
    }

    @Test
    void aHigherPainFreeMaximumLetsMildPainCount() {
        Athlete athlete = new Athlete(Plans.withPain(1, 3));
        for (int day : new int[] {6, 7}) {
            athlete.log("isometric-heel-press", day, s -> s.pain(1));
            athlete.log("extender", day, s -> s.pain(0, 1));
        }
        assertEquals(List.of(ONE_TO_TWO), athlete.decisions);

        Athlete sprinter = new Athlete(Plans.withPain(1, 3)).reachPhase(4);
        assertTrue(sprinter.log("sprint-build-ups", 30, s -> s.intensity(60).pain(1)).isEmpty());
        assertEquals(4, sprinter.state.phase(), "pain 1 does not regress when the plan counts it as pain-free");
    }

    @Test
    void theEasyRunWindowAndCountComeFromThePlan() {
        GatePlan d = Plans.defaults();
        PhaseGate twoToThree =
                new PhaseGate(2, 3, 15, d.gateFrom(2).orElseThrow().streaks(), new EasyRunCriterion(3, 2));
        GatePlan plan = Plans.withGates(List.of(d.gateFrom(1).orElseThrow(), twoToThree, d.gateFrom(3).orElseThrow()));
        Athlete athlete = new Athlete(plan).reachPhase(2);
        for (int day : new int[] {8, 10, 12}) {
            athlete.log("glider", day);
            athlete.log("single-leg-rdl", day);
            athlete.log("nordic-assisted", day);
        }
        athlete.log("easy-run", 12);
        athlete.log("easy-run", 14);
        assertTrue(athlete.tick(Plans.at(15, 0, 0)).isEmpty(), "day 12 is outside the last 3 days on day 15");
        assertEquals("1 of 2 pain-free easy runs in the last 3 days of this phase",
                athlete.criterion("easy-run", Plans.at(15, 0, 0)).detail());
        assertEquals(1, athlete.log("easy-run", 15).size());
        assertEquals(3, athlete.state.phase());
    }

    @Test
    void theLadderAndClearanceComeFromThePlan() {
        GatePlan d = Plans.defaults();
        GatePlan plan = Plans.withSprints(new SprintLadder("sprint-build-ups", List.of(50, 75, 100), 1),
                new Clearance(75, 1, "a-skips", 1), d.regression());
        Athlete athlete = new Athlete(plan).reachPhase(4);
        athlete.log("a-skips", 30);
        assertEquals(List.of(new SprintLevelAdvanced(50, 75, List.of("sprint-level:50"))),
                athlete.log("sprint-build-ups", 30, s -> s.intensity(50)));
        assertEquals(List.of(new SprintLevelAdvanced(75, 100, List.of("sprint-level:75"))),
                athlete.log("sprint-build-ups", 32, s -> s.intensity(80)));
        assertEquals(List.of(new ReturnToRunCleared(CLEARANCE_CRITERIA)), athlete.tick(Plans.at(43, 0, 0)),
                "one sprint at 75% and one A-skips session clear this plan, once 14 days of phase 4 have passed");
    }

    @Test
    void oneSessionOpensOneLevelEvenWhenItIsReceivedTheInstantItWasPerformed() {
        // Levels 5 points apart: a session at 62% is within the band of 60% and of 65%.
        GatePlan d = Plans.defaults();
        GatePlan plan = Plans.withSprints(new SprintLadder("sprint-build-ups", List.of(60, 65, 70), 1),
                new Clearance(70, 1, "a-skips", 1), d.regression());
        Athlete athlete = new Athlete(plan).reachPhase(4);
        Instant performed = Plans.at(30, 8, 0);
        assertEquals(List.of(new SprintLevelAdvanced(60, 65, List.of("sprint-level:60"))),
                athlete.log(athlete.session("sprint-build-ups").intensity(62).at(performed).loggedAt(performed)));
        assertEquals(65, athlete.state.sprintLevel(), "the session served level 60 and cannot serve level 65 too");
    }

    @Test
    void theTimeRulesComeFromThePlan() {
        // Sprints a day and 20 hours apart, 10 points either side of a level, clearance after 7 days.
        GatePlan d = Plans.defaults();
        GatePlan quick = new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), d.gates(), new SprintLadder("sprint-build-ups", List.of(60, 90), 1),
                new Clearance(90, 1, "a-skips", 1), d.regression(), new TimeRules(1, 20, 10, 7, 24));
        Athlete athlete = new Athlete(quick).reachPhase(4);
        athlete.log("a-skips", 30);
        assertEquals(List.of(new SprintLevelAdvanced(60, 90, List.of("sprint-level:60"))),
                athlete.log("sprint-build-ups", 30, s -> s.intensity(70)));
        SessionBuilder nextDay = athlete.session("sprint-build-ups").intensity(90).at(Plans.at(31, 9, 0));
        assertTrue(athlete.log(nextDay).isEmpty(), "clearance waits for day 36, 7 days after day 29");
        assertTrue(athlete.verdict(nextDay.build().eventId()).counted(), "a day and 20 hours after the last sprint");
        assertEquals(List.of(new ReturnToRunCleared(CLEARANCE_CRITERIA)), athlete.tick(Plans.at(36, 0, 0)));

        // A runner's own entry counts within 24 hours of the session under this plan.
        Athlete late = new Athlete(quick);
        SessionBuilder extender = late.session("extender").at(Plans.at(3, 8, 0)).loggedAt(Plans.at(4, 9, 0));
        late.log(extender);
        assertEquals(NotCounted.LOGGED_TOO_LATE, late.verdict(extender.build().eventId()).notCountedBecause());
    }
}
