package org.physiorun.progress.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.physiorun.progress.domain.Plans.at;

/**
 * Section 4a of the protocol, rule by rule: the gates honour time and the prescription. The athlete was injured on
 * Monday 2 March 2026 in Berlin (day 1); programme weeks run Monday to Sunday.
 */
class TimeAndPrescriptionTest {

    /** Phases 1 to 3 done one session a day; phase 4 opens with the day, at 00:00 on day 29 (Monday 30 March). */
    static Athlete inPhaseFour() {
        Athlete athlete = Athlete.onDefaults().reachPhase(4);
        assertThat(athlete.state.phaseSince()).isEqualTo(at(29, 0, 0));
        return athlete;
    }

    static SessionBuilder sprint(Athlete athlete, int effort, Instant when) {
        return athlete.session("sprint-build-ups").intensity(effort).at(when);
    }

    @Nested
    class Rule1NoMoreOftenThanPrescribed {

        @Test
        void theExtenderCountsOnceADaySoASecondOnTheSameDayIsExtra() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            SessionBuilder second = athlete.session("extender").at(at(6, 18, 0));
            athlete.log(second);
            assertThat(athlete.verdict(second.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.BEYOND_PRESCRIBED_FREQUENCY);
            assertThat(athlete.criterion("streak:extender", at(6, 19, 0)).detail()).startsWith("1 of 2");
        }

        @Test
        void theExtenderOnTheNextDayCounts() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            athlete.log("extender", 7);
            assertThat(athlete.criterion("streak:extender", at(7, 9, 0)).met()).isTrue();
        }

        @Test
        void theIsometricHoldCountsTwiceADayAndNotThreeTimes() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("isometric-heel-press", 5);
            athlete.log("isometric-heel-press", 5);
            SessionBuilder third = athlete.session("isometric-heel-press").at(at(5, 20, 0));
            athlete.log(third);
            assertThat(athlete.verdict(third.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.BEYOND_PRESCRIBED_FREQUENCY);
            assertThat(athlete.criterion("streak:isometric-heel-press", at(5, 21, 0)).met()).isTrue();
        }

        @Test
        void threeGliderSessionsInOneHourOnDayFifteenCountAsOne() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.daily("extender", 6, 7);
            athlete.log("glider", 15);
            athlete.log("glider", 15);
            athlete.log("glider", 15);
            assertThat(athlete.criterion("streak:glider", at(15, 10, 0)).detail()).startsWith("1 of 3");
            assertThat(athlete.verdicts().values().stream()
                    .filter(v -> v.notCountedBecause() == NotCounted.BEYOND_PRESCRIBED_FREQUENCY)).hasSize(2);
        }

        @Test
        void aWeeklyExerciseCountsAtMostItsTimesPerMondayToSundayWeek() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.daily("extender", 6, 7);
            // Days 8 to 11 are Monday 9 to Thursday 12 March: the fourth Glider of the week is extra.
            athlete.daily("glider", 8, 10);
            SessionBuilder fourth = athlete.session("glider").at(at(11, 8, 0));
            athlete.log(fourth);
            assertThat(athlete.verdict(fourth.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.BEYOND_PRESCRIBED_FREQUENCY);
            SessionBuilder nextMonday = athlete.session("glider").at(at(15, 8, 0));
            athlete.log(nextMonday);
            assertThat(athlete.verdict(nextMonday.build().eventId()).counted()).isTrue();
        }

        @Test
        void aCleanExtraSessionNeitherAddsToNorBreaksAStreak() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            athlete.log(athlete.session("extender").at(at(6, 18, 0)));
            athlete.log("extender", 7);
            assertThat(athlete.criterion("streak:extender", at(7, 9, 0)).met()).isTrue();
        }

        @Test
        void aPainfulExtraSessionStillBreaksTheStreak() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            athlete.log(athlete.session("extender").at(at(6, 18, 0)).pain(2));
            athlete.log("extender", 7);
            CriterionResult streak = athlete.criterion("streak:extender", at(7, 9, 0));
            assertThat(streak.met()).isFalse();
            assertThat(streak.detail()).contains("1 of 2").contains("with pain 2/10");
        }

        @Test
        void anExtraSessionAboveTheCeilingStillRaisesThePainAlert() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            List<Decision> made = athlete.log(athlete.session("extender").at(at(6, 18, 0)).pain(5));
            assertThat(made).containsExactly(new PainCeilingExceeded(5, "extender", List.of("pain-ceiling")));
        }

        @Test
        void anExtraPhaseFourDrillWithTightnessStillRegresses() {
            Athlete athlete = inPhaseFour();
            athlete.log(athlete.session("a-skips").at(at(29, 8, 0)));
            List<Decision> made = athlete.log(athlete.session("a-skips").at(at(29, 9, 0)).tight());
            assertThat(made).singleElement().isInstanceOf(PhaseRegressed.class);
            assertThat(athlete.state.phase()).isEqualTo(3);
        }
    }

    @Nested
    class Rule2SprintSessionsAreSpaced {

        @Test
        void aSprintSessionOneDayAfterTheLastDoesNotCountAndTwoDaysAfterDoes() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(29, 8, 0)));
            SessionBuilder nextDay = sprint(athlete, 60, at(30, 8, 0));
            athlete.log(nextDay);
            Verdict tooSoon = athlete.verdict(nextDay.build().eventId());
            assertThat(tooSoon.notCountedBecause()).isEqualTo(NotCounted.TOO_SOON_AFTER_LAST_SPRINT);
            assertThat(tooSoon.explanation()).contains("counts from Wed 1 Apr");
            assertThat(athlete.state.sprintLevel()).isEqualTo(60);
        }

        @Test
        void twoLocalDaysApartButUnderThirtySixHoursIsTooSoon() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(29, 22, 0)));
            SessionBuilder early = sprint(athlete, 60, at(31, 7, 0)); // 33 hours later
            athlete.log(early);
            assertThat(athlete.verdict(early.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.TOO_SOON_AFTER_LAST_SPRINT);
        }

        @Test
        void twoLocalDaysAndThirtySixHoursApartCounts() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(29, 20, 0)));
            List<Decision> made = athlete.log(sprint(athlete, 60, at(31, 8, 0)));
            assertThat(made).containsExactly(new SprintLevelAdvanced(60, 80, List.of("sprint-level:60")));
        }

        @Test
        void theSpacingRunsFromTheLastSprintSessionEvenOneThatDidNotCount() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(29, 8, 0)));
            athlete.log(sprint(athlete, 60, at(30, 8, 0))); // too soon, but it is the last sprint session
            SessionBuilder third = sprint(athlete, 60, at(31, 8, 0));
            athlete.log(third);
            assertThat(athlete.verdict(third.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.TOO_SOON_AFTER_LAST_SPRINT);
            assertThat(athlete.state.sprintLevel()).isEqualTo(60);
        }

        @Test
        void sixSprintSessionsInOneAfternoonCountAsOne() {
            Athlete athlete = inPhaseFour();
            for (int i = 0; i < 6; i++) {
                athlete.log(sprint(athlete, 60, at(29, 14, 0).plus(Duration.ofMinutes(20L * i))));
            }
            assertThat(athlete.state.sprintLevel()).isEqualTo(60);
            assertThat(athlete.decisions).noneMatch(d -> d instanceof SprintLevelAdvanced || d instanceof ReturnToRunCleared);
        }
    }

    @Nested
    class Rule3SprintsCountAtThePrescribedLevelOnly {

        @Test
        void aSprintAtOneHundredPercentDoesNotCountTowardSixty() {
            Athlete athlete = inPhaseFour();
            SessionBuilder flatOut = sprint(athlete, 100, at(29, 8, 0));
            athlete.log(flatOut);
            Verdict verdict = athlete.verdict(flatOut.build().eventId());
            assertThat(verdict.notCountedBecause()).isEqualTo(NotCounted.ABOVE_PRESCRIBED_EFFORT);
            assertThat(verdict.explanation()).contains("55-65%");
            athlete.log(sprint(athlete, 100, at(31, 8, 0)));
            assertThat(athlete.state.sprintLevel()).isEqualTo(60);
        }

        @Test
        void atEightyAnEffortOfEightyFiveCountsAndEightySixDoesNot() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(29, 8, 0)));
            athlete.log(sprint(athlete, 60, at(31, 8, 0)));
            assertThat(athlete.state.sprintLevel()).isEqualTo(80);
            SessionBuilder eightySix = sprint(athlete, 86, at(33, 8, 0));
            athlete.log(eightySix);
            assertThat(athlete.verdict(eightySix.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.ABOVE_PRESCRIBED_EFFORT);
            SessionBuilder eightyFive = sprint(athlete, 85, at(35, 8, 0));
            athlete.log(eightyFive);
            assertThat(athlete.verdict(eightyFive.build().eventId()).counted()).isTrue();
        }

        @Test
        void aSprintBelowTheBandCountsTowardNothing() {
            Athlete athlete = inPhaseFour();
            SessionBuilder slow = sprint(athlete, 54, at(29, 8, 0));
            athlete.log(slow);
            assertThat(athlete.verdict(slow.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.BELOW_PRESCRIBED_EFFORT);
        }

        @Test
        void painInASprintAboveTheBandStillRegresses() {
            Athlete athlete = inPhaseFour();
            List<Decision> made = athlete.log(sprint(athlete, 100, at(29, 8, 0)).pain(1));
            assertThat(made).singleElement().isInstanceOf(PhaseRegressed.class);
        }
    }

    @Nested
    class Rule4ClearanceTakesTime {

        /** The ladder climbed to 100 by day 39 (Wednesday 8 April); A-skips pain-free. */
        static Athlete readyButForTheDays() {
            Athlete athlete = inPhaseFour();
            athlete.log("a-skips", 29);
            athlete.log("a-skips", 31);
            int day = 29;
            for (int level : new int[]{60, 60, 80, 80, 90, 90}) {
                athlete.log(sprint(athlete, level, at(day, 10, 0)));
                day += 2;
            }
            assertThat(athlete.state.sprintLevel()).isEqualTo(100);
            assertThat(athlete.state.returnToRunCleared()).isFalse();
            return athlete;
        }

        @Test
        void onDayThirteenOfPhaseFourTheClockDoesNotClear() {
            Athlete athlete = readyButForTheDays();
            assertThat(athlete.tick(at(42, 23, 59))).isEmpty();
            assertThat(athlete.criterion(Criteria.CLEARANCE_MIN_DAYS_ID, at(42, 23, 59)).detail())
                    .isEqualTo("Clearance is possible from Mon 13 Apr");
        }

        @Test
        void onDayFourteenOfPhaseFourTheClockClearsAtMidnight() {
            Athlete athlete = readyButForTheDays();
            List<Decision> made = athlete.tick(at(43, 6, 0));
            assertThat(made).containsExactly(new ReturnToRunCleared(
                    List.of(Clearance.SPRINTS_ID, Clearance.DRILL_ID, Criteria.CLEARANCE_MIN_DAYS_ID)));
            assertThat(athlete.published.get(athlete.published.size() - 1).effectiveAt()).isEqualTo(at(43, 0, 0));
        }

        @Test
        void aSprintAtEightySevenCountsForTheLadderAtNinetyButNotForClearance() {
            Athlete athlete = inPhaseFour();
            athlete.log("a-skips", 29);
            athlete.log("a-skips", 31);
            int day = 29;
            for (int effort : new int[]{60, 60, 80, 80, 87, 87}) {
                athlete.log(sprint(athlete, effort, at(day, 10, 0)));
                day += 2;
            }
            assertThat(athlete.state.sprintLevel()).isEqualTo(100);
            athlete.tick(at(44, 6, 0));
            assertThat(athlete.state.returnToRunCleared()).isFalse();
            assertThat(athlete.criterion(Clearance.SPRINTS_ID, at(44, 6, 0)).detail()).contains("at 87% effort");
        }

        @Test
        void aRegressionAfterClearanceRevokesIt() {
            Athlete athlete = readyButForTheDays();
            athlete.tick(at(43, 6, 0));
            assertThat(athlete.state.returnToRunCleared()).isTrue();
            List<Decision> made = athlete.log(athlete.session("a-skips").at(at(44, 8, 0)).tight());
            assertThat(made).singleElement().isInstanceOfSatisfying(PhaseRegressed.class,
                    regressed -> assertThat(regressed.clearanceRevoked()).isTrue());
            assertThat(athlete.state.returnToRunCleared()).isFalse();
        }
    }

    @Nested
    class Rule5OrderIsTheOrderOfPerformance {

        /** Phase 3 complete but for the last Walkouts, performed on day 29 at 08:00. */
        static Athlete oneWalkoutShortOfPhaseFour() {
            Athlete athlete = Athlete.onDefaults().reachPhase(3);
            for (int day : new int[]{23, 25, 27}) {
                athlete.log("diver", day);
                athlete.log("nordic-full", day);
            }
            athlete.log("walkouts", 26);
            athlete.log("walkouts", 27);
            athlete.tick(at(29, 0, 30));
            assertThat(athlete.state.phase()).isEqualTo(3);
            return athlete;
        }

        @Test
        void aTightSprintLoggedBeforeTheSessionThatOpenedPhaseFourStillRegresses() {
            Athlete athlete = oneWalkoutShortOfPhaseFour();
            SessionBuilder tightSprint = sprint(athlete, 60, at(29, 10, 0)).tight();
            assertThat(athlete.log(tightSprint)).isEmpty(); // phase 3 as far as anyone knows: out of phase
            athlete.log(athlete.session("walkouts").at(at(29, 8, 0)).loggedAt(at(29, 20, 0)));
            assertThat(athlete.decisions.subList(athlete.decisions.size() - 2, athlete.decisions.size()))
                    .extracting(Decision::eventType)
                    .containsExactly("physiorun.progression.phase-advanced", "physiorun.progression.phase-regressed");
            assertThat(athlete.state.phase()).isEqualTo(3);
            assertThat(athlete.published.get(athlete.published.size() - 1).effectiveAt()).isEqualTo(at(29, 10, 0));
        }

        @Test
        void theSameTwoSessionsInTheOppositeOrderGiveTheSameDecisions() {
            Athlete athlete = oneWalkoutShortOfPhaseFour();
            athlete.log(athlete.session("walkouts").at(at(29, 8, 0)).loggedAt(at(29, 8, 1)));
            athlete.log(sprint(athlete, 60, at(29, 10, 0)).tight());
            assertThat(athlete.decisions.subList(athlete.decisions.size() - 2, athlete.decisions.size()))
                    .extracting(Decision::eventType)
                    .containsExactly("physiorun.progression.phase-advanced", "physiorun.progression.phase-regressed");
        }

        @Test
        void aRegressionIsNotUndoneBySessionsPerformedBeforeIt() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(31, 8, 0)).tight());
            assertThat(athlete.state.phase()).isEqualTo(3);
            // Phase 3 work done the day before the regression, logged after it: it counts toward nothing.
            for (String exercise : List.of("diver", "nordic-full", "walkouts")) {
                athlete.log(athlete.session(exercise).at(at(30, 9, 0)).loggedAt(at(31, 12, 0)));
            }
            assertThat(athlete.criterion("streak:diver", at(31, 13, 0)).detail()).startsWith("0 of 3");
        }

        @Test
        void decisionsAlreadyPublishedAreNeverMadeTwice() {
            Athlete athlete = inPhaseFour();
            int before = athlete.published.size();
            athlete.tick(at(29, 12, 0));
            athlete.tick(at(30, 12, 0));
            assertThat(athlete.published).hasSize(before);
        }
    }

    @Nested
    class Rule6ALateSessionThatCompletesAGateOpensIt {

        @Test
        void theGateOpensAtOnceAsOfTheLateSessionsTime() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.log("extender", 6);
            List<Decision> made = athlete.log(athlete.session("extender").at(at(7, 9, 0)).loggedAt(at(8, 12, 0)));
            assertThat(made).containsExactly(new PhaseAdvanced(1, 2,
                    List.of("min-day", "streak:isometric-heel-press", "streak:extender")));
            assertThat(athlete.published.get(athlete.published.size() - 1).effectiveAt()).isEqualTo(at(7, 9, 0));
        }
    }

    @Nested
    class Rule7ReEarningAfterARegressionUsesNewWorkOnly {

        @Test
        void phaseFourReopensFromSessionsPerformedAfterTheRegression() {
            Athlete athlete = inPhaseFour();
            athlete.log(sprint(athlete, 60, at(31, 8, 0)).tight());
            for (int day : new int[]{32, 34, 36}) {
                athlete.log("diver", day);
                athlete.log("nordic-full", day);
                athlete.log("walkouts", day);
            }
            assertThat(athlete.state.phase()).isEqualTo(4);
            assertThat(athlete.state.sprintLevel()).isEqualTo(60);
        }
    }

    @Nested
    class Rule8AFutureDatedSession {

        @Test
        void isJudgedAsOfItsArrival() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.log("extender", 6);
            Instant arrival = at(7, 9, 0);
            athlete.log(athlete.session("extender").at(arrival.plus(Duration.ofMinutes(4))).loggedAt(arrival));
            assertThat(athlete.state.phase()).isEqualTo(2);
            assertThat(athlete.state.phaseSince()).isEqualTo(arrival);
        }
    }

    @Nested
    class Rule9TheEasyRun {

        static Athlete inPhaseTwo() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.daily("extender", 6, 7);
            for (int day : new int[]{10, 12, 14}) {
                athlete.log("glider", day);
                athlete.log("single-leg-rdl", day);
                athlete.log("nordic-assisted", day);
            }
            return athlete;
        }

        @Test
        void anEasyRunSevenDaysBeforeTheEvaluationDayIsTooOld() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.daily("extender", 6, 7);
            athlete.log("easy-run", 8);
            for (int day : new int[]{10, 12, 14}) {
                athlete.log("glider", day);
                athlete.log("single-leg-rdl", day);
                athlete.log("nordic-assisted", day);
            }
            athlete.tick(at(15, 6, 0));
            assertThat(athlete.state.phase()).isEqualTo(2);
            assertThat(athlete.criterion("easy-run", at(15, 6, 0)).met()).isFalse();
        }

        @Test
        void anEasyRunSixDaysBeforeCounts() {
            Athlete athlete = inPhaseTwo();
            athlete.log("easy-run", 9);
            athlete.tick(at(15, 6, 0));
            assertThat(athlete.state.phase()).isEqualTo(3);
        }

        @Test
        void anEasyRunOfPhaseOneDoesNotCount() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("easy-run", 7);
            athlete.log("isometric-heel-press", 6);
            athlete.log("extender", 6);
            athlete.log("isometric-heel-press", 7);
            athlete.log("extender", 7); // phase 2 from here: the run at 08:00 belongs to phase 1
            for (int day : new int[]{9, 11, 13}) {
                athlete.log("glider", day);
                athlete.log("single-leg-rdl", day);
                athlete.log("nordic-assisted", day);
            }
            athlete.tick(at(15, 6, 0));
            assertThat(athlete.state.phase()).isEqualTo(2);
        }
    }

    @Nested
    class Rule10LateLoggingByTheRunner {

        @Test
        void seventyTwoHoursLateStillCountsAndSeventyThreeDoesNot() {
            Athlete athlete = Athlete.onDefaults();
            SessionBuilder onTime = athlete.session("extender").at(at(3, 8, 0)).loggedAt(at(6, 8, 0));
            SessionBuilder tooLate = athlete.session("extender").at(at(4, 8, 0)).loggedAt(at(7, 9, 0));
            athlete.log(onTime);
            athlete.log(tooLate);
            assertThat(athlete.verdict(onTime.build().eventId()).counted()).isTrue();
            Verdict late = athlete.verdict(tooLate.build().eventId());
            assertThat(late.notCountedBecause()).isEqualTo(NotCounted.LOGGED_TOO_LATE);
            assertThat(late.explanation()).contains("73 hours");
        }

        @Test
        void seventyTwoHoursAndAMinuteLateIsTooLate() {
            Athlete athlete = Athlete.onDefaults();
            SessionBuilder late = athlete.session("extender").at(at(3, 8, 0)).loggedAt(at(6, 8, 1));
            athlete.log(late);
            assertThat(athlete.verdict(late.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.LOGGED_TOO_LATE);
        }

        @Test
        void aTooLateSessionStillRaisesThePainAlert() {
            Athlete athlete = Athlete.onDefaults();
            List<Decision> made = athlete.log(athlete.session("extender").at(at(3, 8, 0)).loggedAt(at(8, 8, 0)).pain(6));
            assertThat(made).containsExactly(new PainCeilingExceeded(6, "extender", List.of("pain-ceiling")));
        }

        @Test
        void aPhysiotherapistsOrAProducersEntryCountsHoweverLate() {
            Athlete athlete = Athlete.onDefaults();
            SessionBuilder physio = athlete.session("extender").at(at(3, 8, 0)).loggedAt(at(12, 8, 0))
                    .enteredBy(EnteredBy.PHYSIO);
            SessionBuilder producer = athlete.session("extender").at(at(4, 8, 0)).loggedAt(at(12, 9, 0))
                    .enteredBy(EnteredBy.PRODUCER);
            athlete.log(physio);
            athlete.log(producer);
            assertThat(athlete.verdict(physio.build().eventId()).counted()).isTrue();
            assertThat(athlete.verdict(producer.build().eventId()).counted()).isTrue();
        }

        @Test
        void aLateSessionThatWouldHaveKeptAnOpenedGateShutFlagsTheAthleteForReview() {
            Athlete athlete = Athlete.onDefaults();
            athlete.daily("isometric-heel-press", 6, 7);
            athlete.daily("extender", 6, 7);
            assertThat(athlete.state.phase()).isEqualTo(2);
            int published = athlete.published.size();
            // A painful extra Extender on the evening of day 6, logged two days later: the streak was broken.
            athlete.log(athlete.session("extender").at(at(6, 20, 0)).pain(2).loggedAt(at(8, 20, 0)));
            assertThat(athlete.published).hasSize(published);
            assertThat(athlete.state.phase()).isEqualTo(2);
            assertThat(athlete.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.effectiveAt()).isEqualTo(at(7, 8, 6)); // the second Extender opened it
                assertThat(flag.message()).contains("Phase 2 opened").contains("Please review");
            });
        }

        @Test
        void theLimitIsThePlansParameter() {
            Athlete athlete = new Athlete(Plans.withTiming(new TimeRules(2, 36, 5, 14, 24)));
            SessionBuilder late = athlete.session("extender").at(at(3, 8, 0)).loggedAt(at(4, 9, 0));
            athlete.log(late);
            assertThat(athlete.verdict(late.build().eventId()).notCountedBecause())
                    .isEqualTo(NotCounted.LOGGED_TOO_LATE);
        }
    }

    @Nested
    class Rule11WhatASessionMustSay {

        @Test
        void painAfterNotGivenIsJudgedOnPainDuring() {
            Athlete athlete = Athlete.onDefaults();
            SessionBuilder session = athlete.session("extender").at(at(6, 8, 0)).pain(0, null);
            athlete.log(session);
            assertThat(athlete.verdict(session.build().eventId()).painFree()).isTrue();
        }

        @Test
        void aPlanWithoutTimeRulesUsesTheDefaults() {
            assertThat(Plans.defaults().timing()).isEqualTo(TimeRules.DEFAULTS);
            assertThat(TimeRules.DEFAULTS).isEqualTo(new TimeRules(2, 36, 5, 14, 72));
        }
    }

    @Nested
    class WhatTheRunnerIsToldAtOnce {

        @Test
        void painAboveTheCeilingMeansStopAndCallThePhysiotherapist() {
            Athlete athlete = Athlete.onDefaults();
            SessionLog session = athlete.session("extender").at(at(6, 8, 0)).pain(5).build();
            Replay replay = athlete.rules.replay(List.of(session), List.of(), session.loggedAt());
            assertThat(Advice.forSession(athlete.plan, session, replay)).singleElement().satisfies(advice -> {
                assertThat(advice.code()).isEqualTo(Advice.PAIN_ABOVE_CEILING);
                assertThat(advice.message()).contains("Stop Extender for today").contains("physiotherapist");
            });
        }

        @Test
        void tightnessInAPhaseFourDrillMeansBackToPhaseThree() {
            Athlete athlete = inPhaseFour();
            SessionLog session = athlete.session("a-skips").at(at(30, 8, 0)).tight().build();
            List<SessionLog> sessions = new java.util.ArrayList<>(athlete.history);
            sessions.add(session);
            Replay replay = athlete.rules.replay(sessions, athlete.published, session.loggedAt());
            assertThat(Advice.forSession(athlete.plan, session, replay)).extracting(Advice::code)
                    .containsExactly(Advice.PHASE_4_PAIN_OR_TIGHTNESS);
        }

        @Test
        void anExtraSessionIsToldItCountsTowardNothing() {
            Athlete athlete = Athlete.onDefaults();
            athlete.log("extender", 6);
            SessionLog extra = athlete.session("extender").at(at(6, 18, 0)).build();
            List<SessionLog> sessions = new java.util.ArrayList<>(athlete.history);
            sessions.add(extra);
            Replay replay = athlete.rules.replay(sessions, athlete.published, extra.loggedAt());
            assertThat(Advice.forSession(athlete.plan, extra, replay)).singleElement().satisfies(advice -> {
                assertThat(advice.code()).isEqualTo("beyond-prescribed-frequency");
                assertThat(advice.message()).contains("Extender is prescribed once a day");
            });
        }
    }

}
