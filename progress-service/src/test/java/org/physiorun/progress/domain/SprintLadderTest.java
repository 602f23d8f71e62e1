package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

class SprintLadderTest {

    private static final ReturnToRunCleared CLEARED =
            new ReturnToRunCleared(List.of("clearance:sprints", "clearance:drill"));

    private static List<Decision> sprint(Athlete athlete, int day, int intensity) {
        return athlete.log("sprint-build-ups", day, s -> s.intensity(intensity));
    }

    private static SprintLevelAdvanced level(int from, int to) {
        return new SprintLevelAdvanced(from, to, List.of("sprint-level:" + from));
    }

    @Nested
    class Ladder {

        @Test
        void climbsSixtyEightyNinetyHundredTwoSessionsALevel() {
            Athlete athlete = Athlete.inPhase(4, 29);
            assertTrue(sprint(athlete, 30, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 31, 60));
            assertTrue(sprint(athlete, 32, 80).isEmpty());
            assertEquals(List.of(level(80, 90)), sprint(athlete, 33, 80));
            assertTrue(sprint(athlete, 34, 90).isEmpty());
            assertEquals(List.of(level(90, 100)), sprint(athlete, 35, 90));
            assertTrue(sprint(athlete, 36, 100).isEmpty());
            assertTrue(sprint(athlete, 37, 100).isEmpty(), "100% is the top of the ladder");
            assertEquals(100, athlete.state.sprintLevel());
            assertFalse(athlete.state.returnToRunCleared(), "no A-skips logged");
        }

        @Test
        void aLevelIsReachedWhenTheDecisionIsTaken() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 60);
            Instant now = Plans.at(31, 12, 0);
            athlete.log(athlete.session("sprint-build-ups").intensity(60).at(Plans.at(31, 11, 0)), now);
            assertEquals(new ProgressState(4, Plans.at(29, 7, 0), 80, now, false), athlete.state);
        }

        @Test
        void sessionsBelowTheLevelNeitherCountNorBreakTheCount() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 60);
            assertTrue(sprint(athlete, 31, 50).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 32, 60));
        }

        @Test
        void sessionsAboveTheLevelCountAtIt() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 70);
            assertEquals(List.of(level(60, 80)), sprint(athlete, 31, 65));
        }

        @Test
        void sessionsDoneBeforeALevelWasReachedDoNotCountAtIt() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 100);
            assertEquals(List.of(level(60, 80)), sprint(athlete, 31, 100));
            assertEquals("0 of 2 pain-free sessions at 80% effort or more",
                    athlete.criterion("sprint-level:80", Plans.at(31, 12, 0)).detail());
        }

        @Test
        void aSessionBelowDoseBreaksTheCount() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 60);
            athlete.log("sprint-build-ups", 31, s -> s.intensity(60).efforts(5));
            assertEquals("0 of 2 pain-free sessions at 60% effort or more"
                            + " (count restarted after a session below the prescribed dose)",
                    athlete.criterion("sprint-level:60", Plans.at(31, 12, 0)).detail());
            assertTrue(sprint(athlete, 32, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 33, 60));
        }

        @Test
        void aSessionWithoutAnIntensityCountsAtNoLevel() {
            Athlete athlete = Athlete.inPhase(4, 29);
            sprint(athlete, 30, 60);
            assertTrue(athlete.log("sprint-build-ups", 31, s -> s.intensity(null)).isEmpty());
            assertEquals("1 of 2 pain-free sessions at 60% effort or more",
                    athlete.criterion("sprint-level:60", Plans.at(31, 12, 0)).detail());
        }

        @Test
        void tightnessStopsTheClimbEvenWhereItDoesNotRegress() {
            // This plan regresses on A-skips only, so the ladder's own "no tightness" rule is what holds.
            GatePlan d = Plans.defaults();
            GatePlan plan = Plans.withSprints(d.ladder(), d.clearance(), new Regression(4, 3, List.of("a-skips")));
            Instant since = Plans.at(29, 7, 0);
            Athlete athlete = new Athlete(plan, new ProgressState(4, since, 60, since, false));
            sprint(athlete, 30, 60);
            assertTrue(athlete.log("sprint-build-ups", 31, s -> s.intensity(60).tight()).isEmpty());
            assertEquals(4, athlete.state.phase());
            assertEquals("0 of 2 pain-free sessions at 60% effort or more (count restarted after a session with tightness)",
                    athlete.criterion("sprint-level:60", Plans.at(31, 12, 0)).detail());
        }
    }

    @Nested
    class Clearance {

        @Test
        void clearsWhenTheLastTwoSprintsAtNinetyOrMoreAndTheLastTwoASkipsWerePainFree() {
            Athlete athlete = Athlete.inPhase(4, 29);
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 31);
            sprint(athlete, 30, 60);
            sprint(athlete, 31, 60);
            sprint(athlete, 32, 80);
            sprint(athlete, 33, 80);
            assertTrue(sprint(athlete, 34, 90).isEmpty());
            assertEquals(List.of(level(90, 100), CLEARED), sprint(athlete, 35, 90));
            assertTrue(athlete.state.returnToRunCleared());
            assertNull(athlete.check(Plans.at(35, 12, 0)).nextGate());
        }

        @Test
        void waitsForTheDrill() {
            Athlete athlete = Athlete.inPhase(4, 29);
            for (int intensity : new int[] {60, 60, 80, 80, 90, 90}) {
                sprint(athlete, 30, intensity);
            }
            assertEquals(List.of(level(60, 80), level(80, 90), level(90, 100)), athlete.decisions);
            assertEquals("0 of 2 consecutive pain-free A-skips and high knees sessions",
                    athlete.criterion("clearance:drill", Plans.at(30, 12, 0)).detail());
            assertTrue(athlete.log("a-skips", 31).isEmpty());
            assertEquals(List.of(CLEARED), athlete.log("a-skips", 32, s -> s.distanceMetres(10)),
                    "the drill is asked to be pain-free, not at dose");
        }

        @Test
        void isNotInReachBelowTheClearanceLevel() {
            Athlete athlete = Athlete.inPhase(4, 29);
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 30);
            sprint(athlete, 30, 100);
            assertEquals(List.of(level(60, 80)), sprint(athlete, 31, 100));
            assertFalse(athlete.state.returnToRunCleared());
            NextGate next = athlete.check(Plans.at(31, 12, 0)).nextGate();
            assertEquals(90, next.toSprintLevel());
            assertFalse(next.returnToRun());
        }

        @Test
        void sprintsAtNinetyDoneBeforeReachingNinetyCountOnceTheLadderGetsThere() {
            // At 80% the athlete ran at 90% twice: those sessions complete level 80 and, as the last two
            // sprints at 90% or more, also satisfy clearance.
            Athlete athlete = Athlete.inPhase(4, 29);
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 30);
            sprint(athlete, 30, 60);
            sprint(athlete, 30, 60);
            sprint(athlete, 31, 90);
            assertEquals(List.of(level(80, 90), CLEARED), sprint(athlete, 32, 90));
            assertEquals(90, athlete.state.sprintLevel());
            sprint(athlete, 33, 90);
            assertEquals(List.of(level(90, 100)), sprint(athlete, 34, 95), "the ladder goes on after clearance");
        }

        @Test
        void aPainfulDrillSessionHoldsClearanceBackWhereItDoesNotRegress() {
            GatePlan d = Plans.defaults();
            GatePlan plan = Plans.withSprints(d.ladder(), d.clearance(),
                    new Regression(4, 3, List.of("sprint-build-ups")));
            Instant since = Plans.at(29, 7, 0);
            Athlete athlete = new Athlete(plan, new ProgressState(4, since, 90, since, false));
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 30, s -> s.pain(1));
            sprint(athlete, 30, 90);
            assertEquals(List.of(level(90, 100)), sprint(athlete, 31, 90));
            assertEquals("0 of 2 consecutive pain-free A-skips and high knees sessions"
                            + " (count restarted after a session with pain 1/10)",
                    athlete.criterion("clearance:drill", Plans.at(31, 12, 0)).detail());
        }
    }
}
