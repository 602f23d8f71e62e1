package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/**
 * The sprint ladder of phase 4 and return-to-run clearance. Phase 4 opens on day 29 (Monday 30 March) at 00:00;
 * sprint sessions count two days apart, at the prescribed level give or take 5 points, and clearance is possible
 * from day 43 (Monday 13 April), 14 days after phase 4 began.
 */
class SprintLadderTest {

    private static final ReturnToRunCleared CLEARED =
            new ReturnToRunCleared(List.of("clearance:sprints", "clearance:drill", "clearance:min-days"));

    private static Athlete inPhaseFour() {
        return Athlete.onDefaults().reachPhase(4);
    }

    private static List<Decision> sprint(Athlete athlete, int day, int intensity) {
        return athlete.log("sprint-build-ups", day, s -> s.intensity(intensity));
    }

    /** Level 60 on days 30 and 32, level 80 on days 34 and 36: at 90% from day 36. */
    private static Athlete atNinety(Athlete athlete) {
        sprint(athlete, 30, 60);
        sprint(athlete, 32, 60);
        sprint(athlete, 34, 80);
        sprint(athlete, 36, 80);
        assertEquals(90, athlete.state.sprintLevel());
        return athlete;
    }

    private static SprintLevelAdvanced level(int from, int to) {
        return new SprintLevelAdvanced(from, to, List.of("sprint-level:" + from));
    }

    @Nested
    class Ladder {

        @Test
        void climbsSixtyEightyNinetyHundredTwoSessionsALevel() {
            Athlete athlete = inPhaseFour();
            assertTrue(sprint(athlete, 30, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 32, 60));
            assertTrue(sprint(athlete, 34, 80).isEmpty());
            assertEquals(List.of(level(80, 90)), sprint(athlete, 36, 80));
            assertTrue(sprint(athlete, 38, 90).isEmpty());
            assertEquals(List.of(level(90, 100)), sprint(athlete, 40, 90));
            assertTrue(sprint(athlete, 42, 100).isEmpty());
            assertTrue(sprint(athlete, 44, 100).isEmpty(), "100% is the top of the ladder");
            assertEquals(100, athlete.state.sprintLevel());
            assertFalse(athlete.state.returnToRunCleared(), "no A-skips logged");
        }

        @Test
        void aLevelIsReachedWhenTheSessionThatCompletedItWasPerformed() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            athlete.log(athlete.session("sprint-build-ups").intensity(60).at(Plans.at(32, 11, 0))
                    .loggedAt(Plans.at(32, 12, 0)));
            assertEquals(new ProgressState(4, Plans.at(29, 0, 0), false, 80, Plans.at(32, 11, 0), false, 0),
                    athlete.state);
        }

        @Test
        void sprintSessionsTheDayAfterDoNotCount() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            SessionBuilder nextDay = athlete.session("sprint-build-ups").intensity(60).at(Plans.at(31, 18, 0));
            assertTrue(athlete.log(nextDay).isEmpty());
            assertEquals(NotCounted.TOO_SOON_AFTER_LAST_SPRINT,
                    athlete.verdict(nextDay.build().eventId()).notCountedBecause());
            // Spacing runs from the session of day 31, counted or not: day 32 is too soon as well, day 34 counts.
            assertTrue(sprint(athlete, 32, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 34, 60));
        }

        @Test
        void sixSprintSessionsInOneDayCountAsOne() {
            Athlete athlete = inPhaseFour();
            for (int intensity : new int[] {60, 60, 80, 80, 90, 90}) {
                assertTrue(sprint(athlete, 30, intensity).isEmpty());
            }
            assertEquals(60, athlete.state.sprintLevel());
            assertTrue(athlete.criterion("sprint-level:60", Plans.at(30, 12, 0)).detail()
                    .startsWith("1 of 2 sprint sessions at 60%; "),
                    "the first one of the day counts, the rest are too soon after it");
        }

        @Test
        void sessionsBelowTheLevelNeitherCountNorBreakTheCount() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            SessionBuilder easy = athlete.session("sprint-build-ups").intensity(50).at(Plans.at(32, 8, 0));
            assertTrue(athlete.log(easy).isEmpty());
            assertEquals(NotCounted.BELOW_PRESCRIBED_EFFORT,
                    athlete.verdict(easy.build().eventId()).notCountedBecause());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 34, 60));
        }

        @Test
        void sessionsWithinFivePointsOfTheLevelCountAtIt() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 65);
            assertEquals(List.of(level(60, 80)), sprint(athlete, 32, 55));
        }

        @Test
        void sprintingAboveThePrescribedLevelCountsTowardNothing() {
            Athlete athlete = inPhaseFour();
            SessionBuilder hard = athlete.session("sprint-build-ups").intensity(100).at(Plans.at(30, 8, 0));
            assertTrue(athlete.log(hard).isEmpty());
            assertTrue(sprint(athlete, 32, 70).isEmpty());
            assertEquals(NotCounted.ABOVE_PRESCRIBED_EFFORT,
                    athlete.verdict(hard.build().eventId()).notCountedBecause());
            assertEquals(60, athlete.state.sprintLevel(), "sprinting at 100% has not completed 60%");
            assertTrue(sprint(athlete, 34, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 36, 60),
                    "nor has it broken the count: two sessions at 60% open 80%");
        }

        @Test
        void sessionsDoneBeforeALevelWasReachedDoNotCountAtIt() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            assertEquals(List.of(level(60, 80)), sprint(athlete, 32, 60));
            assertEquals("0 of 2 sprint sessions at 80%",
                    athlete.criterion("sprint-level:80", Plans.at(32, 12, 0)).detail());
        }

        @Test
        void aSessionBelowDoseBreaksTheCount() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            athlete.log("sprint-build-ups", 32, s -> s.intensity(60).efforts(5));
            assertEquals("0 of 2 sprint sessions at 60% (count restarted after a session below the prescribed dose)",
                    athlete.criterion("sprint-level:60", Plans.at(32, 12, 0)).detail());
            assertTrue(sprint(athlete, 34, 60).isEmpty());
            assertEquals(List.of(level(60, 80)), sprint(athlete, 36, 60));
        }

        @Test
        void aSessionWithoutAnIntensityCountsAtNoLevel() {
            Athlete athlete = inPhaseFour();
            sprint(athlete, 30, 60);
            assertTrue(athlete.log("sprint-build-ups", 32, s -> s.intensity(null)).isEmpty(),
                    "no effort reported is no effort within 55-65%");
            assertEquals(60, athlete.state.sprintLevel());
            assertTrue(athlete.criterion("sprint-level:60", Plans.at(32, 12, 0)).detail()
                    .startsWith("1 of 2 sprint sessions at 60%"));
        }

        @Test
        void tightnessStopsTheClimbEvenWhereItDoesNotRegress() {
            // This plan regresses on A-skips only, so the ladder's own "no tightness" rule is what holds.
            GatePlan d = Plans.defaults();
            GatePlan plan = Plans.withSprints(d.ladder(), d.clearance(), new Regression(4, 3, List.of("a-skips")));
            Athlete athlete = new Athlete(plan).reachPhase(4);
            sprint(athlete, 30, 60);
            assertTrue(athlete.log("sprint-build-ups", 32, s -> s.intensity(60).tight()).isEmpty());
            assertEquals(4, athlete.state.phase());
            assertEquals("0 of 2 sprint sessions at 60% (count restarted after a session with tightness)",
                    athlete.criterion("sprint-level:60", Plans.at(32, 12, 0)).detail());
        }
    }

    @Nested
    class Clearance {

        @Test
        void clearsWhenTheLastTwoSprintsAtNinetyOrMoreAndTheLastTwoASkipsWerePainFreeAfterTwoWeeks() {
            Athlete athlete = inPhaseFour();
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 31);
            sprint(athlete, 32, 60);
            sprint(athlete, 34, 60);
            sprint(athlete, 36, 80);
            sprint(athlete, 38, 80);
            assertTrue(sprint(athlete, 40, 90).isEmpty());
            assertEquals(List.of(level(90, 100), CLEARED), sprint(athlete, 43, 90));
            assertTrue(athlete.state.returnToRunCleared());
            assertNull(athlete.check(Plans.at(43, 12, 0)).nextGate());
        }

        @Test
        void theClockClearsOnTheFourteenthDayOfPhaseFour() {
            Athlete athlete = atNinety(inPhaseFour());
            athlete.log("a-skips", 37);
            athlete.log("a-skips", 38);
            sprint(athlete, 38, 90);
            assertEquals(List.of(level(90, 100)), sprint(athlete, 40, 90));
            assertFalse(athlete.state.returnToRunCleared(), "phase 4 began on Monday 30 March");
            assertTrue(athlete.tick(Plans.at(42, 23, 59)).isEmpty());
            assertEquals(List.of(CLEARED), athlete.tick(Plans.at(43, 0, 0)));
        }

        @Test
        void waitsForTheDrill() {
            Athlete athlete = atNinety(inPhaseFour());
            sprint(athlete, 38, 90);
            sprint(athlete, 40, 90);
            assertEquals(List.of(level(60, 80), level(80, 90), level(90, 100)),
                    athlete.decisions.subList(athlete.decisions.size() - 3, athlete.decisions.size()));
            assertTrue(athlete.tick(Plans.at(43, 0, 0)).isEmpty());
            assertEquals("0 of 2 consecutive pain-free A-skips and high knees sessions",
                    athlete.criterion("clearance:drill", Plans.at(43, 12, 0)).detail());
            assertTrue(athlete.log("a-skips", 43).isEmpty());
            assertEquals(List.of(CLEARED), athlete.log("a-skips", 44, s -> s.distanceMetres(10)),
                    "the drill is asked to be pain-free, not at dose");
        }

        @Test
        void sprintingAtFullEffortBelowTheClearanceLevelNeitherClimbsNorClears() {
            Athlete athlete = inPhaseFour();
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 31);
            sprint(athlete, 30, 100);
            assertTrue(sprint(athlete, 32, 100).isEmpty());
            assertTrue(athlete.tick(Plans.at(43, 0, 0)).isEmpty());
            assertEquals(60, athlete.state.sprintLevel());
            assertFalse(athlete.state.returnToRunCleared());
            NextGate next = athlete.check(Plans.at(43, 12, 0)).nextGate();
            assertEquals(80, next.toSprintLevel());
            assertFalse(next.returnToRun());
        }

        @Test
        void sprintsAtNinetyBeforeTheLadderReachesNinetyCountTowardNothing() {
            Athlete athlete = inPhaseFour();
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 31);
            sprint(athlete, 30, 60);
            sprint(athlete, 32, 60);
            assertTrue(sprint(athlete, 34, 90).isEmpty());
            assertTrue(sprint(athlete, 36, 90).isEmpty());
            assertTrue(athlete.tick(Plans.at(43, 0, 0)).isEmpty());
            assertEquals(80, athlete.state.sprintLevel(), "90% is above the prescribed 80%");
            assertFalse(athlete.state.returnToRunCleared());
        }

        @Test
        void theLadderGoesOnAfterClearance() {
            // Three sessions a level, two for clearance: at 90% clearance comes one session before level 100.
            GatePlan d = Plans.defaults();
            GatePlan plan = Plans.withSprints(new SprintLadder("sprint-build-ups", List.of(60, 80, 90, 100), 3),
                    d.clearance(), d.regression());
            Athlete athlete = new Athlete(plan).reachPhase(4);
            athlete.log("a-skips", 30);
            athlete.log("a-skips", 31);
            int day = 30;
            for (int intensity : new int[] {60, 60, 60, 80, 80, 80}) {
                sprint(athlete, day, intensity);
                day += 2;
            }
            assertEquals(90, athlete.state.sprintLevel());
            assertTrue(sprint(athlete, 42, 90).isEmpty());
            assertEquals(List.of(CLEARED), sprint(athlete, 44, 90));
            assertEquals(List.of(level(90, 100)), sprint(athlete, 46, 95));
            assertTrue(athlete.state.returnToRunCleared());
        }

        @Test
        void aPainfulDrillSessionHoldsClearanceBackWhereItDoesNotRegress() {
            GatePlan d = Plans.defaults();
            GatePlan plan = Plans.withSprints(d.ladder(), d.clearance(),
                    new Regression(4, 3, List.of("sprint-build-ups")));
            Athlete athlete = atNinety(new Athlete(plan).reachPhase(4));
            athlete.log("a-skips", 37);
            athlete.log("a-skips", 38, s -> s.pain(1));
            sprint(athlete, 38, 90);
            assertEquals(List.of(level(90, 100)), sprint(athlete, 40, 90));
            assertTrue(athlete.tick(Plans.at(43, 0, 0)).isEmpty());
            assertEquals("0 of 2 consecutive pain-free A-skips and high knees sessions"
                            + " (count restarted after a session with pain 1/10)",
                    athlete.criterion("clearance:drill", Plans.at(43, 12, 0)).detail());
        }
    }
}
