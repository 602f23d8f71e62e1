package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;

/**
 * The three phase gates. The athlete was injured on Monday 2 March 2026 (day 1); programme weeks run Monday to
 * Sunday (days 8-14, 15-21, 22-28), and each exercise counts as often as it is prescribed.
 */
class PhaseGateTest {

    private static final PhaseAdvanced ONE_TO_TWO =
            new PhaseAdvanced(1, 2, List.of("min-day", "streak:isometric-heel-press", "streak:extender"));
    private static final PhaseAdvanced TWO_TO_THREE = new PhaseAdvanced(2, 3,
            List.of("min-day", "streak:glider", "streak:single-leg-rdl", "streak:nordic-assisted", "easy-run"));
    private static final PhaseAdvanced THREE_TO_FOUR =
            new PhaseAdvanced(3, 4, List.of("min-day", "streak:diver", "streak:nordic-full", "streak:walkouts"));

    /**
     * Two pain-free sessions at dose of each phase-1 exercise, the last on {@code day}: the Isometric Hold twice
     * that day, the Extender (once a day) that day and the day before.
     */
    private static void phaseOneDone(Athlete athlete, int day) {
        athlete.log("isometric-heel-press", day);
        athlete.log("isometric-heel-press", day);
        athlete.log("extender", day - 1);
        athlete.log("extender", day);
    }

    private static void phaseTwoExercises(Athlete athlete, int... days) {
        for (int day : days) {
            athlete.log("glider", day);
            athlete.log("single-leg-rdl", day);
            athlete.log("nordic-assisted", day);
        }
    }

    private static void phaseThreeExercises(Athlete athlete, int... days) {
        for (int day : days) {
            athlete.log("diver", day);
            athlete.log("nordic-full", day);
            athlete.log("walkouts", day);
        }
    }

    @Nested
    class OneToTwo {

        @Test
        void opensOnDaySevenNotOnDaySix() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 5);
            athlete.log("isometric-heel-press", 5);
            athlete.log("extender", 5);
            assertTrue(athlete.log("extender", 6).isEmpty());
            assertEquals(1, athlete.state.phase());

            assertEquals(List.of(ONE_TO_TWO), athlete.tick(Plans.at(7, 0, 0)));
            assertEquals(2, athlete.state.phase());
        }

        @Test
        void theNewPhaseStartsWhenTheSessionThatOpenedItWasPerformed() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 6);
            athlete.log("isometric-heel-press", 6);
            athlete.log("extender", 6);
            Instant performed = Plans.at(7, 9, 0);
            athlete.log(athlete.session("extender").at(performed).loggedAt(Plans.at(7, 9, 30)));
            assertEquals(new ProgressState(2, performed, false, null, null, false, 0), athlete.state);
        }

        @Test
        void theClockOpensTheGateOnDaySevenWhenTheSessionsWereDoneOnDayFive() {
            Athlete athlete = Athlete.onDefaults();
            phaseOneDone(athlete, 5);
            assertTrue(athlete.tick(Plans.at(6, 23, 59)).isEmpty());
            assertEquals(List.of(ONE_TO_TWO), athlete.tick(Plans.at(7, 0, 0)));
            assertEquals(Plans.at(7, 0, 0), athlete.state.phaseSince());
            assertTrue(athlete.tick(Plans.at(7, 0, 5)).isEmpty(), "a decision is taken once");
        }

        @Test
        void theDayIsCountedInTheAthletesTimeZone() {
            Athlete athlete = Athlete.onDefaults();
            phaseOneDone(athlete, 5);
            // Day 6 is 7 March; 22:30 UTC is still 23:30 on 7 March in Berlin, 23:30 UTC is 8 March.
            assertTrue(athlete.tick(Instant.parse("2026-03-07T22:30:00Z")).isEmpty());
            assertEquals(List.of(ONE_TO_TWO), athlete.tick(Instant.parse("2026-03-07T23:30:00Z")));
        }

        @Test
        void painOfOneIsNotPainFreeAndBreaksTheStreak() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 6);
            athlete.log("isometric-heel-press", 6);
            athlete.log("extender", 5);
            assertTrue(athlete.log("extender", 6, s -> s.pain(0, 1)).isEmpty());
            assertEquals("0 of 2 consecutive pain-free Extender sessions"
                            + " (count restarted after a session with pain 1/10)",
                    athlete.criterion("streak:extender", Plans.at(6, 12, 0)).detail());
            assertTrue(athlete.tick(Plans.at(7, 0, 0)).isEmpty());

            assertTrue(athlete.log("extender", 7).isEmpty(), "one pain-free session since is not two");
            assertEquals(List.of(ONE_TO_TWO), athlete.log("extender", 8));
        }

        @Test
        void aSessionBelowDoseBreaksTheStreak() {
            Athlete athlete = Athlete.onDefaults();
            phaseOneDone(athlete, 5);
            athlete.log("isometric-heel-press", 6, s -> s.holdSeconds(20));
            assertTrue(athlete.tick(Plans.at(7, 0, 0)).isEmpty());
            assertEquals("0 of 2 consecutive pain-free Isometric Hold sessions"
                            + " (count restarted after a session below the prescribed dose)",
                    athlete.criterion("streak:isometric-heel-press", Plans.at(7, 0, 0)).detail());
        }

        @Test
        void aFailingSessionBetweenGoodOnesMeansStartingTheCountAgain() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 3);
            athlete.log("isometric-heel-press", 3);
            athlete.log("extender", 3);
            athlete.log("extender", 4, s -> s.pain(2));
            athlete.log("extender", 5);
            assertTrue(athlete.tick(Plans.at(7, 0, 0)).isEmpty());
            assertEquals("1 of 2 consecutive pain-free Extender sessions"
                            + " (count restarted after a session with pain 2/10)",
                    athlete.criterion("streak:extender", Plans.at(7, 0, 0)).detail());
            assertEquals(List.of(ONE_TO_TWO), athlete.log("extender", 7));
        }

        @Test
        void sessionsArrivingOutOfTimeOrderAreJudgedInTheOrderTheyWerePerformed() {
            // A painful session on day 6 syncs first; the good ones of days 4 and 5 arrive after it.
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 3);
            athlete.log("isometric-heel-press", 3);
            athlete.log(athlete.session("extender").at(Plans.at(6, 18, 0)).pain(2).loggedAt(Plans.at(7, 9, 0)));
            athlete.log(athlete.session("extender").at(Plans.at(4, 18, 0)).loggedAt(Plans.at(7, 9, 1)));
            assertTrue(athlete.log(athlete.session("extender").at(Plans.at(5, 18, 0)).loggedAt(Plans.at(7, 9, 2)))
                    .isEmpty(), "the latest performed extender session had pain");

            // The other way round: good sessions of days 5 and 6 first, then an older painful one from day 4.
            Athlete other = Athlete.onDefaults();
            other.log("isometric-heel-press", 3);
            other.log("isometric-heel-press", 3);
            other.log(other.session("extender").at(Plans.at(5, 18, 0)).loggedAt(Plans.at(6, 20, 0)));
            other.log(other.session("extender").at(Plans.at(6, 18, 0)).loggedAt(Plans.at(6, 20, 1)));
            assertEquals(List.of(ONE_TO_TWO),
                    other.log(other.session("extender").at(Plans.at(4, 18, 0)).pain(2).loggedAt(Plans.at(7, 9, 0))));
        }

        @Test
        void aSessionDeliveredTwiceCountsOnce() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 5);
            athlete.log("isometric-heel-press", 5);
            SessionLog extender = athlete.session("extender").at(Plans.at(6, 18, 0)).build();
            athlete.history.add(extender);
            assertTrue(athlete.log(extender, Plans.at(7, 9, 0)).isEmpty());
            assertEquals(1, athlete.state.phase());
            assertEquals("1 of 2 consecutive pain-free Extender sessions",
                    athlete.criterion("streak:extender", Plans.at(7, 9, 0)).detail());
        }

        @Test
        void aSessionWithTheSameEventIdAsAnotherIsTheSameSession() {
            Athlete athlete = Athlete.onDefaults();
            UUID id = UUID.randomUUID();
            athlete.log("isometric-heel-press", 5);
            athlete.log("isometric-heel-press", 5);
            athlete.log("extender", 5, s -> s.eventId(id));
            assertTrue(athlete.log("extender", 6, s -> s.eventId(id)).isEmpty());
            assertTrue(athlete.tick(Plans.at(7, 0, 0)).isEmpty());
        }

        @Test
        void noPhaseIsSkippedHoweverGoodTheSessions() {
            // Phase 2 and 3 exercises performed during phase 1 are out of phase: the gate opens one phase only.
            Athlete athlete = Athlete.onDefaults();
            athlete.log("easy-run", 20);
            phaseTwoExercises(athlete, 16, 18, 20);
            phaseThreeExercises(athlete, 16, 18, 20);
            assertTrue(athlete.history.stream().filter(s -> !s.exercise().equals("easy-run"))
                    .allMatch(s -> athlete.verdict(s.eventId()).notCountedBecause() == NotCounted.OUT_OF_PHASE));
            phaseOneDone(athlete, 20);
            assertEquals(List.of(ONE_TO_TWO), athlete.decisions);
            assertEquals(2, athlete.state.phase());
            assertTrue(athlete.tick(Plans.at(30, 0, 0)).isEmpty());
        }
    }

    @Nested
    class TwoToThree {

        @Test
        void opensOnDayFifteenNotOnDayFourteen() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10, 12);
            athlete.log("easy-run", 12);
            assertTrue(athlete.tick(Plans.at(14, 23, 59)).isEmpty());
            assertEquals(List.of(TWO_TO_THREE), athlete.tick(Plans.at(15, 0, 0)));
        }

        @Test
        void fullRangeNotReportedBlocksTheGate() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10);
            athlete.log("glider", 12, s -> s.fullRange(null));
            athlete.log("single-leg-rdl", 12);
            athlete.log("nordic-assisted", 12, s -> s.fullRange(null));
            athlete.log("easy-run", 13);
            assertTrue(athlete.tick(Plans.at(15, 0, 0)).isEmpty());
            assertEquals("0 of 3 consecutive pain-free Glider sessions at full range"
                            + " (count restarted after a session not reported at full range)",
                    athlete.criterion("streak:glider", Plans.at(15, 0, 0)).detail());
            assertTrue(athlete.criterion("streak:nordic-assisted", Plans.at(15, 0, 0)).met(),
                    "the assisted Nordic is not asked for full range");
        }

        @Test
        void aSessionShortOfFullRangeBlocksTheGate() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10);
            athlete.log("glider", 12);
            athlete.log("single-leg-rdl", 12, s -> s.fullRange(false));
            athlete.log("nordic-assisted", 12);
            athlete.log("easy-run", 13);
            assertTrue(athlete.tick(Plans.at(15, 0, 0)).isEmpty());
            assertEquals("0 of 3 consecutive pain-free Single-Leg Romanian Deadlift (SL RDL) sessions at full range"
                            + " (count restarted after a session short of full range)",
                    athlete.criterion("streak:single-leg-rdl", Plans.at(15, 0, 0)).detail());
        }

        @Test
        void anEasyRunCountsForSevenDaysTodayIncluded() {
            Athlete tooEarly = Athlete.onDefaults().reachPhase(2);
            tooEarly.log(tooEarly.session("easy-run").at(Plans.at(8, 23, 50)));
            phaseTwoExercises(tooEarly, 10, 12, 14);
            assertTrue(tooEarly.tick(Plans.at(15, 0, 0)).isEmpty(),
                    "day 8 is eight days back from day 15, today included");
            assertEquals("No pain-free easy run in the last 7 days of this phase",
                    tooEarly.criterion("easy-run", Plans.at(15, 0, 0)).detail());

            Athlete inTime = Athlete.onDefaults().reachPhase(2);
            inTime.log(inTime.session("easy-run").at(Plans.at(9, 0, 10)));
            phaseTwoExercises(inTime, 10, 12, 14);
            assertEquals(List.of(TWO_TO_THREE), inTime.tick(Plans.at(15, 0, 0)), "day 9 is the seventh day back");
        }

        @Test
        void anEasyRunWithPainDoesNotCount() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10, 12);
            athlete.log("easy-run", 14, s -> s.pain(0, 1));
            assertTrue(athlete.tick(Plans.at(15, 0, 0)).isEmpty());
            assertFalse(athlete.criterion("easy-run", Plans.at(15, 0, 0)).met());
        }

        @Test
        void theDayTurnsInTheAthletesTimeZone() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10, 12);
            athlete.log("easy-run", 13);
            // Day 14 is 15 March: 23:30 UTC on it is already 16 March, day 15, in Berlin.
            assertTrue(athlete.tick(Instant.parse("2026-03-15T22:30:00Z")).isEmpty());
            assertEquals(List.of(TWO_TO_THREE), athlete.tick(Instant.parse("2026-03-15T23:30:00Z")));
        }
    }

    @Nested
    class ThreeToFour {

        @Test
        void opensOnDayTwentyNineAndStartsTheSprintLadder() {
            Athlete athlete = Athlete.onDefaults().reachPhase(3);
            phaseThreeExercises(athlete, 16, 18, 20);
            assertTrue(athlete.tick(Plans.at(28, 23, 59)).isEmpty());
            Instant now = Plans.at(29, 0, 0);
            assertEquals(List.of(THREE_TO_FOUR), athlete.tick(now));
            assertEquals(new ProgressState(4, now, false, 60, now, false, 0), athlete.state);
        }

        @Test
        void theDayTurnsInTheAthletesTimeZoneAcrossTheClockChange() {
            Athlete athlete = Athlete.onDefaults().reachPhase(3);
            phaseThreeExercises(athlete, 16, 18, 20);
            // Day 28 is 29 March, when Berlin moves to UTC+2: 21:30 UTC is 23:30 local, 22:30 UTC is 00:30 on 30 March.
            assertTrue(athlete.tick(Instant.parse("2026-03-29T21:30:00Z")).isEmpty());
            assertEquals(List.of(THREE_TO_FOUR), athlete.tick(Instant.parse("2026-03-29T22:30:00Z")));
        }

        @Test
        void theDiverMustBeAtFullRangeButWalkoutsNeedNot() {
            Athlete athlete = Athlete.onDefaults().reachPhase(3);
            phaseThreeExercises(athlete, 16, 18);
            athlete.log("diver", 20, s -> s.fullRange(false));
            athlete.log("nordic-full", 20);
            athlete.log("walkouts", 20, s -> s.fullRange(null));
            assertTrue(athlete.tick(Plans.at(29, 0, 0)).isEmpty());
            assertFalse(athlete.criterion("streak:diver", Plans.at(29, 0, 0)).met());
            assertTrue(athlete.criterion("streak:walkouts", Plans.at(29, 0, 0)).met());
        }

        @Test
        void theFullNordicNeedsFourSets() {
            Athlete athlete = Athlete.onDefaults().reachPhase(3);
            phaseThreeExercises(athlete, 16, 18, 20);
            athlete.log("nordic-full", 22, s -> s.sets(3));
            assertTrue(athlete.tick(Plans.at(29, 0, 0)).isEmpty());
        }
    }

    @Nested
    class WhatCounts {

        @Test
        void anOutOfPhaseSessionCountsTowardNothing() {
            // Diver sessions performed in phase 2 do not count in phase 3.
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            phaseTwoExercises(athlete, 8, 10, 12);
            for (int day : new int[] {9, 11, 13}) {
                athlete.log("diver", day);
            }
            athlete.log("easy-run", 12);
            assertEquals(List.of(TWO_TO_THREE), athlete.tick(Plans.at(15, 0, 0)));
            phaseThreeExercises(athlete, 20, 22);
            athlete.log("nordic-full", 24);
            athlete.log("walkouts", 24);
            assertTrue(athlete.tick(Plans.at(29, 0, 0)).isEmpty());
            assertEquals("2 of 3 consecutive pain-free Diver sessions at full range",
                    athlete.criterion("streak:diver", Plans.at(29, 0, 0)).detail());
        }

        @Test
        void anOutOfPhaseSessionIsKeptAndStillAlerts() {
            Athlete athlete = Athlete.onDefaults();
            assertEquals(List.of(new PainCeilingExceeded(4, "glider", List.of("pain-ceiling"))),
                    athlete.log("glider", 3, s -> s.pain(4)));
            Verdict verdict = athlete.verdict(athlete.history.get(0).eventId());
            assertTrue(verdict.outOfPhase());
            assertEquals(NotCounted.OUT_OF_PHASE, verdict.notCountedBecause());
            assertEquals(1, verdict.phase());
        }

        @Test
        void sessionsOfTheFormerPhaseDoNotCountTowardTheNextGate() {
            // Phase 2 streaks earned in phase 1 (out of phase) or before phase 2 started cannot open 2 -> 3.
            Athlete athlete = Athlete.onDefaults();
            phaseOneDone(athlete, 6);
            phaseTwoExercises(athlete, 6);
            athlete.log("easy-run", 6);
            assertEquals(List.of(ONE_TO_TWO), athlete.tick(Plans.at(7, 0, 0)));
            phaseTwoExercises(athlete, 8, 10);
            athlete.log("easy-run", 14);
            assertTrue(athlete.tick(Plans.at(16, 0, 0)).isEmpty());
            assertEquals("2 of 3 consecutive pain-free Glider sessions at full range",
                    athlete.criterion("streak:glider", Plans.at(16, 0, 0)).detail());
        }

        @Test
        void aSessionDatedAheadOfItsArrivalIsJudgedAsOfItsArrival() {
            // The runner's clock is half an hour fast: the session counts, but as of 09:00, never as of a time to come.
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 5);
            athlete.log("isometric-heel-press", 5);
            athlete.log("extender", 5);
            Instant arrived = Plans.at(7, 9, 0);
            assertEquals(List.of(ONE_TO_TWO),
                    athlete.log(athlete.session("extender").at(Plans.at(7, 9, 30)).loggedAt(arrived)));
            assertEquals(arrived, athlete.state.phaseSince());
        }

        @Test
        void earlierPhaseExercisesMayGoOnBeingLogged() {
            Athlete athlete = Athlete.onDefaults().reachPhase(2);
            UUID extender = UUID.randomUUID();
            assertTrue(athlete.log("extender", 8, s -> s.eventId(extender)).isEmpty());
            assertFalse(athlete.verdict(extender).outOfPhase());
            assertEquals(2, athlete.state.phase());
        }
    }

    @Test
    void aPhaseWithoutAGateOutAndWithoutALadderHasNoNextGate() {
        Athlete athlete = new Athlete(Plans.withGates(List.of()));
        phaseOneDone(athlete, 6);
        assertTrue(athlete.tick(Plans.at(8, 0, 0)).isEmpty());
        assertNull(athlete.check(Plans.at(8, 0, 0)).nextGate());
    }
}
