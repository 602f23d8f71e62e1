package org.physiorun.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Planned against done (contract, "Adherence"): for a range of the athlete's local days, each exercise prescribed
 * on those days, how many sessions were prescribed (the low end of its frequency) and how many were done, counted
 * no more often than prescribed (section 4a, rule 1).
 *
 * <p>A day belongs to the phase the athlete was in at its first moment, so that what was prescribed and what counts
 * as done follow the same calendar: a session is done for its exercise only on a day of the phase that prescribes
 * it (out-of-phase work is not adherence). A weekly prescription counts, in each Monday-to-Sunday week, the low end
 * times the share of that week's days in the range spent in the phase, rounded to the nearest session. Exercises
 * without a frequency (the sprints, which follow the ladder) and easy runs are not part of it.
 */
public final class Adherence {

    /** One exercise over the range; {@code percent} is null when nothing was prescribed. */
    public record ExerciseTally(String exercise, String name, int phase, int prescribed, int done, Integer percent) {
    }

    /**
     * The range as a whole: {@code done} counts each exercise up to what was prescribed of it, so that more of one
     * cannot hide less of another. {@code missed}: the exercises done less than prescribed.
     */
    public record Tally(List<ExerciseTally> exercises, int prescribed, int done, Integer percent, List<String> missed) {

        public Tally {
            exercises = List.copyOf(exercises);
            missed = List.copyOf(missed);
        }
    }

    /** One Monday-to-Sunday week. */
    public record Week(LocalDate weekStart, LocalDate weekEnd, Tally tally) {
    }

    private final GatePlan plan;
    private final List<PhaseSpan> phases;

    public Adherence(GatePlan plan, List<PhaseSpan> phases) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.phases = phases.stream().sorted(Comparator.comparing(PhaseSpan::since)).toList();
    }

    /** The last {@code count} weeks up to {@code today} (the current one so far), oldest first. */
    public List<Week> weeks(List<SessionLog> sessions, LocalDate today, int count) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Week> weeks = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            LocalDate start = monday.minusWeeks(back);
            LocalDate end = start.plusDays(6);
            weeks.add(new Week(start, end, tally(sessions, start, end.isAfter(today) ? today : end)));
        }
        return weeks;
    }

    /** The seven whole local days before {@code today}. */
    public Tally lastSevenDays(List<SessionLog> sessions, LocalDate today) {
        return tally(sessions, today.minusDays(7), today.minusDays(1));
    }

    /** From {@code from} to {@code to}, both included; days before the injury date prescribe nothing. */
    public Tally tally(List<SessionLog> sessions, LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(plan.injuryDate()) ? plan.injuryDate() : from;
        Map<String, Count> counts = new HashMap<>();
        Map<String, Integer> sessionsOnDay = new HashMap<>();
        for (SessionLog session : sessions) {
            LocalDate date = plan.dateOf(session.judgedAt());
            if (!date.isBefore(first) && !date.isAfter(to)) {
                sessionsOnDay.merge(session.exercise() + "/" + date, 1, Integer::sum);
            }
        }
        for (LocalDate date = first; !date.isAfter(to); date = date.plusDays(1)) {
            int phase = phaseOn(date);
            LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (Prescription prescription : plan.prescriptions().values()) {
                Frequency frequency = prescription.frequency();
                if (prescription.phase() != phase || frequency == null) {
                    continue;
                }
                int logged = sessionsOnDay.getOrDefault(prescription.exercise() + "/" + date, 0);
                Count count = counts.computeIfAbsent(prescription.exercise(), slug -> new Count(prescription));
                if (frequency.per() == Frequency.Period.DAY) {
                    count.prescribed += frequency.timesMin();
                    count.done += Math.min(logged, frequency.most());
                } else {
                    count.week(monday).days++;
                    count.week(monday).done += Math.min(logged, 1);
                }
            }
        }
        return total(counts.values().stream().sorted(Comparator.comparing((Count c) -> c.prescription.phase())
                .thenComparing(c -> c.prescription.exercise())).toList());
    }

    private Tally total(List<Count> counts) {
        List<ExerciseTally> exercises = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int prescribed = 0;
        int done = 0;
        for (Count count : counts) {
            count.closeWeeks();
            int exerciseDone = Math.min(count.done, count.prescribed);
            exercises.add(new ExerciseTally(count.prescription.exercise(), count.prescription.name(),
                    count.prescription.phase(), count.prescribed, exerciseDone, percent(exerciseDone, count.prescribed)));
            if (exerciseDone < count.prescribed) {
                missed.add(count.prescription.exercise());
            }
            prescribed += count.prescribed;
            done += exerciseDone;
        }
        return new Tally(exercises, prescribed, done, percent(done, prescribed), missed);
    }

    private static Integer percent(int done, int prescribed) {
        return prescribed == 0 ? null : Math.round(100f * done / prescribed);
    }

    /** The phase the athlete was in at the first moment of {@code date}. */
    int phaseOn(LocalDate date) {
        int phase = 1;
        for (PhaseSpan span : phases) {
            if (span.since().isAfter(plan.startOf(date))) {
                break;
            }
            phase = span.phase();
        }
        return phase;
    }

    /** What one exercise was prescribed and done; a weekly one is summed week by week. */
    private static final class Count {

        private final Prescription prescription;
        private final Map<LocalDate, WeekCount> weeks = new HashMap<>();
        private int prescribed;
        private int done;

        Count(Prescription prescription) {
            this.prescription = prescription;
        }

        WeekCount week(LocalDate monday) {
            return weeks.computeIfAbsent(monday, m -> new WeekCount());
        }

        // A week's share of a weekly prescription, and at most its most sessions done in it.
        void closeWeeks() {
            Frequency frequency = prescription.frequency();
            for (WeekCount week : weeks.values()) {
                prescribed += Math.round(frequency.timesMin() * week.days / 7f);
                done += Math.min(week.done, frequency.most());
            }
            weeks.clear();
        }
    }

    private static final class WeekCount {
        private int days;
        private int done;
    }
}
