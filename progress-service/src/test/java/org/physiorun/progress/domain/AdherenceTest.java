package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.physiorun.progress.domain.Plans.at;

/**
 * Planned against done, week by week (Monday to Sunday in the athlete's zone). The athlete was injured on Monday
 * 2 March 2026 in Berlin, so programme days 1-7 are the first week, 8-14 the second.
 */
class AdherenceTest {

    private final GatePlan plan = Plans.defaults();
    private final List<SessionLog> sessions = new ArrayList<>();

    private void log(String exercise, Instant when) {
        sessions.add(SessionBuilder.atDose(plan, exercise).at(when).build());
    }

    private Adherence inPhaseOneThroughout() {
        return new Adherence(plan, PhaseSpan.of(plan, List.of()));
    }

    private static Adherence.ExerciseTally exercise(Adherence.Tally tally, String slug) {
        return tally.exercises().stream().filter(e -> e.exercise().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void aWholeWeekOfPhaseOneDoneAsPrescribedIsAHundredPercent() {
        for (int day = 1; day <= 7; day++) {
            log("isometric-heel-press", at(day, 8, 0));
            log("isometric-heel-press", at(day, 18, 0));
            log("extender", at(day, 8, 30));
        }
        Adherence.Tally week = inPhaseOneThroughout().weeks(sessions, Plans.INJURY_DATE.plusDays(6), 1).get(0).tally();
        assertThat(exercise(week, "isometric-heel-press").prescribed()).isEqualTo(14); // twice a day
        assertThat(exercise(week, "extender").prescribed()).isEqualTo(7);
        assertThat(week.prescribed()).isEqualTo(21);
        assertThat(week.done()).isEqualTo(21);
        assertThat(week.percent()).isEqualTo(100);
        assertThat(week.missed()).isEmpty();
    }

    @Test
    void aDayWithTwiceThePrescriptionCountsOnlyWhatWasPrescribed() {
        log("extender", at(2, 8, 0));
        log("extender", at(2, 18, 0));
        Adherence.Tally week = inPhaseOneThroughout().weeks(sessions, Plans.INJURY_DATE.plusDays(6), 1).get(0).tally();
        assertThat(exercise(week, "extender").done()).isEqualTo(1);
        assertThat(exercise(week, "extender").percent()).isEqualTo(14); // 1 of 7
        assertThat(week.missed()).containsExactlyInAnyOrder("isometric-heel-press", "extender");
    }

    @Test
    void theCurrentWeekCountsTheDaysSoFar() {
        log("extender", at(1, 8, 0));
        log("extender", at(2, 8, 0));
        LocalDate wednesday = Plans.INJURY_DATE.plusDays(2);
        Adherence.Week week = inPhaseOneThroughout().weeks(sessions, wednesday, 1).get(0);
        assertThat(week.weekStart()).isEqualTo(Plans.INJURY_DATE);
        assertThat(week.weekEnd()).isEqualTo(Plans.INJURY_DATE.plusDays(6));
        assertThat(exercise(week.tally(), "extender").prescribed()).isEqualTo(3);
        assertThat(exercise(week.tally(), "extender").done()).isEqualTo(2);
    }

    @Test
    void aWeekSplitByAPhaseChangeCountsEachPhasesDays() {
        // Phase 2 opened on Thursday 12 March (day 11) at 09:00: Monday to Thursday are phase 1 days (a day belongs
        // to the phase of its first moment), Friday to Sunday phase 2 days.
        Adherence adherence = new Adherence(plan, List.of(new PhaseSpan(1, plan.programmeStart()),
                new PhaseSpan(2, at(11, 9, 0))));
        log("glider", at(13, 8, 0));
        log("glider", at(11, 10, 0)); // the day of the change belongs to phase 1: not Glider's day
        Adherence.Tally week = adherence.weeks(sessions, Plans.INJURY_DATE.plusDays(13), 1).get(0).tally();
        assertThat(exercise(week, "isometric-heel-press").prescribed()).isEqualTo(8); // 4 days, twice a day
        assertThat(exercise(week, "extender").prescribed()).isEqualTo(4);
        // 3 a week for 3 of its 7 days: 1.3, so 1 session
        assertThat(exercise(week, "glider").prescribed()).isEqualTo(1);
        assertThat(exercise(week, "glider").done()).isEqualTo(1);
        assertThat(exercise(week, "single-leg-rdl").prescribed()).isEqualTo(1);
    }

    @Test
    void aWeeklyExerciseCountsOnceADayAndAtMostItsTimesAWeek() {
        Adherence adherence = new Adherence(plan, List.of(new PhaseSpan(1, plan.programmeStart()),
                new PhaseSpan(2, at(7, 9, 0))));
        for (int day = 8; day <= 14; day++) {
            log("glider", at(day, 8, 0));
            log("glider", at(day, 18, 0));
        }
        Adherence.Tally week = adherence.weeks(sessions, Plans.INJURY_DATE.plusDays(13), 1).get(0).tally();
        assertThat(exercise(week, "glider").prescribed()).isEqualTo(3);
        assertThat(exercise(week, "glider").done()).isEqualTo(3);
        assertThat(exercise(week, "glider").percent()).isEqualTo(100);
    }

    @Test
    void outOfPhaseWorkIsNotAdherence() {
        log("glider", at(3, 8, 0)); // a phase 2 exercise in phase 1
        Adherence.Tally week = inPhaseOneThroughout().weeks(sessions, Plans.INJURY_DATE.plusDays(6), 1).get(0).tally();
        assertThat(week.exercises()).extracting(Adherence.ExerciseTally::exercise)
                .containsExactly("extender", "isometric-heel-press");
        assertThat(week.done()).isZero();
    }

    @Test
    void theWeekTurnsAtMidnightInTheAthletesTimeZone() {
        // 23:30 UTC on Sunday 8 March is 00:30 on Monday 9 March in Berlin: the second week's.
        log("extender", Instant.parse("2026-03-08T23:30:00Z"));
        List<Adherence.Week> weeks = inPhaseOneThroughout().weeks(sessions, Plans.INJURY_DATE.plusDays(13), 2);
        assertThat(exercise(weeks.get(0).tally(), "extender").done()).isZero();
        assertThat(exercise(weeks.get(1).tally(), "extender").done()).isEqualTo(1);
    }

    @Test
    void theWeekOfTheClockChangeStillHasSevenDays() {
        // Summer time begins in Berlin on Sunday 29 March 2026: that week is 167 hours long, and seven days.
        LocalDate monday = LocalDate.of(2026, 3, 23);
        for (int day = 0; day < 7; day++) {
            log("extender", monday.plusDays(day).atTime(8, 0).atZone(Plans.BERLIN).toInstant());
        }
        Adherence.Tally week = inPhaseOneThroughout().weeks(sessions, monday.plusDays(6), 1).get(0).tally();
        assertThat(exercise(week, "extender").prescribed()).isEqualTo(7);
        assertThat(exercise(week, "extender").done()).isEqualTo(7);
    }

    @Test
    void theLastSevenDaysAreTheWholeDaysBeforeToday() {
        for (int day = 3; day <= 9; day++) {
            log("extender", at(day, 8, 0));
        }
        log("extender", at(10, 8, 0)); // today: not a whole day yet
        Adherence.Tally last = inPhaseOneThroughout().lastSevenDays(sessions, Plans.INJURY_DATE.plusDays(9));
        assertThat(exercise(last, "extender").prescribed()).isEqualTo(7);
        assertThat(exercise(last, "extender").done()).isEqualTo(7);
        assertThat(last.percent()).isEqualTo(33); // 7 of 21 with no Isometric Hold logged
        assertThat(last.missed()).containsExactly("isometric-heel-press");
    }

    @Test
    void daysBeforeTheInjuryPrescribeNothing() {
        Adherence.Tally last = inPhaseOneThroughout().lastSevenDays(sessions, Plans.INJURY_DATE);
        assertThat(last.prescribed()).isZero();
        assertThat(last.percent()).isNull();
    }

    @Test
    void thePhasesFollowThePublishedDecisions() {
        Ruling advanced = new Ruling("k1", new Decision.PhaseAdvanced(1, 2, List.of()), at(7, 9, 0), null);
        Ruling back = new Ruling("k2", new Decision.PhaseRegressed(4, 3, "tightness", false, List.of()),
                at(30, 9, 0), null);
        Ruling alert = new Ruling("k3", new Decision.PainCeilingExceeded(5, "glider", List.of()), at(9, 9, 0), null);
        assertThat(PhaseSpan.of(plan, List.of(back, alert, advanced))).containsExactly(
                new PhaseSpan(1, plan.programmeStart()), new PhaseSpan(2, at(7, 9, 0)), new PhaseSpan(3, at(30, 9, 0)));
    }
}
