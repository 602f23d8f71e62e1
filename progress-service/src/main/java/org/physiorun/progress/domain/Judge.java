package org.physiorun.progress.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges each session, in the order of performance, against the time rules of section 4a: the phase it falls in,
 * late logging, how often the exercise is prescribed, the spacing of sprint sessions and the sprint level. Keeps
 * what those rules remember across sessions (the sessions counted per day and week, the last sprint session).
 */
final class Judge {

    private final GatePlan plan;
    private final Map<Slot, Integer> perDay = new HashMap<>();
    private final Map<Slot, Integer> perWeek = new HashMap<>();
    private Instant lastSprint;

    /** An exercise on a local day, or in the week from a Monday. */
    private record Slot(String exercise, LocalDate from) {
    }

    Judge(GatePlan plan) {
        this.plan = plan;
    }

    /** Takes up what the chart remembers. */
    Judge(GatePlan plan, AthleteChart chart) {
        this.plan = plan;
        chart.perDay().forEach(tally -> perDay.put(new Slot(tally.exercise(), tally.from()), tally.sessions()));
        chart.perWeek().forEach(tally -> perWeek.put(new Slot(tally.exercise(), tally.from()), tally.sessions()));
        this.lastSprint = chart.lastSprint();
    }

    Instant lastSprint() {
        return lastSprint;
    }

    /** The day counts a session performed after {@code at} can still meet: those of its day and later. */
    List<AthleteChart.Tally> perDayFrom(Instant at) {
        return tallies(perDay, plan.dateOf(at));
    }

    /** The week counts a session performed after {@code at} can still meet: those of its week and later. */
    List<AthleteChart.Tally> perWeekFrom(Instant at) {
        return tallies(perWeek, monday(plan.dateOf(at)));
    }

    private static List<AthleteChart.Tally> tallies(Map<Slot, Integer> counts, LocalDate from) {
        return counts.entrySet().stream().filter(count -> !count.getKey().from().isBefore(from))
                .map(count -> new AthleteChart.Tally(count.getKey().exercise(), count.getKey().from(), count.getValue()))
                .toList();
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Verdict judge(SessionLog session, ProgressState state) {
        int phase = state.phase();
        boolean sprint = plan.ladder().exercise().equals(session.exercise());
        Instant previousSprint = lastSprint;
        if (sprint) {
            lastSprint = session.judgedAt(); // the next sprint is spaced from this one, counted or not
        }
        boolean atDose = plan.atDose(session);
        boolean painFree = plan.painFree(session);
        Reason reason = reason(session, state, sprint, previousSprint);
        if (reason == null && !atDose) {
            reason = new Reason(NotCounted.NOT_AT_DOSE, "below the prescribed dose ("
                    + plan.prescription(session.exercise()).map(Prescription::doseText).orElse("") + ")");
        }
        return new Verdict(session.eventId(), phase, plan.isOutOfPhase(session.exercise(), phase), atDose, painFree,
                reason == null ? null : reason.code(), reason == null ? null : reason.words());
    }

    private record Reason(NotCounted code, String words) {
    }

    private Reason reason(SessionLog session, ProgressState state, boolean sprint, Instant previousSprint) {
        String name = name(session.exercise());
        if (plan.isOutOfPhase(session.exercise(), state.phase())) {
            int ownPhase = plan.prescription(session.exercise()).orElseThrow().phase();
            return new Reason(NotCounted.OUT_OF_PHASE, name + " belongs to phase " + ownPhase
                    + ": it counts toward no gate while you are in phase " + state.phase());
        }
        String since = Words.dateTime(state.phaseSince(), plan.timeZone());
        if (!session.judgedAt().isAfter(state.phaseSince())) {
            return state.byRegression()
                    ? new Reason(NotCounted.BEFORE_REGRESSION, "performed before the return to phase "
                    + state.phase() + " (" + since + "): only later work counts toward moving up again")
                    : new Reason(NotCounted.BEFORE_PHASE_BEGAN, "performed before phase " + state.phase()
                    + " began (" + since + ")");
        }
        if (state.byRegression() && !session.loggedAt().isAfter(state.phaseSince())) {
            return new Reason(NotCounted.BEFORE_REGRESSION, "logged before the return to phase " + state.phase()
                    + " (" + since + "): only work logged after it counts toward moving up again");
        }
        Duration late = Duration.between(session.performedAt(), session.loggedAt());
        if (!session.enteredBy().vouchedFor() && late.compareTo(Duration.ofHours(plan.timing().maxLateHours())) > 0) {
            return new Reason(NotCounted.LOGGED_TOO_LATE, "logged " + late.toHours() + " hours after it was done;"
                    + " a session you log yourself counts only within " + plan.timing().maxLateHours() + " hours");
        }
        if (sprint) {
            return sprintReason(session, state, previousSprint);
        }
        return frequencyReason(session, name);
    }

    private Reason sprintReason(SessionLog session, ProgressState state, Instant previousSprint) {
        TimeRules timing = plan.timing();
        if (previousSprint != null) {
            Instant countsFrom = sprintsCountFrom(previousSprint);
            if (session.judgedAt().isBefore(countsFrom)) {
                return new Reason(NotCounted.TOO_SOON_AFTER_LAST_SPRINT, "too soon after the previous sprint session ("
                        + Words.dateTime(previousSprint, plan.timeZone()) + "): sprint sessions need "
                        + Words.plural(timing.sprintMinDaysBetween(), "day") + " and "
                        + timing.sprintMinHoursBetween() + " hours between them, so the next one counts from "
                        + Words.dateTime(countsFrom, plan.timeZone()));
            }
        }
        Integer level = state.sprintLevel();
        Integer effort = session.intensityPercent();
        if (level == null) {
            return null;
        }
        if (effort == null) {
            // an effort not reported cannot show the prescribed level was kept
            return new Reason(NotCounted.BELOW_PRESCRIBED_EFFORT, "no effort reported while the prescribed level is "
                    + level + "%");
        }
        int tolerance = timing.levelTolerance();
        String band = " while the prescribed level is " + level + "% (" + (level - tolerance) + "-"
                + Math.min(100, level + tolerance) + "% counts)";
        if (effort > level + tolerance) {
            return new Reason(NotCounted.ABOVE_PRESCRIBED_EFFORT, "run at " + effort + "%" + band);
        }
        if (effort < level - tolerance) {
            return new Reason(NotCounted.BELOW_PRESCRIBED_EFFORT, "run at " + effort + "%" + band);
        }
        return null;
    }

    /** The first moment a sprint session after one at {@code previous} can count: both spacings must have passed. */
    Instant sprintsCountFrom(Instant previous) {
        TimeRules timing = plan.timing();
        Instant byDays = plan.startOf(plan.dateOf(previous).plusDays(timing.sprintMinDaysBetween()));
        Instant byHours = previous.plus(Duration.ofHours(timing.sprintMinHoursBetween()));
        return byDays.isAfter(byHours) ? byDays : byHours;
    }

    // Per day: as many as prescribed a day, or one for a weekly prescription, which also has its weekly most.
    private Reason frequencyReason(SessionLog session, String name) {
        Frequency frequency = plan.prescription(session.exercise()).map(Prescription::frequency).orElse(null);
        if (frequency == null) {
            return null;
        }
        LocalDate date = plan.dateOf(session.judgedAt());
        boolean daily = frequency.per() == Frequency.Period.DAY;
        Slot dayKey = new Slot(session.exercise(), date);
        Slot weekKey = new Slot(session.exercise(), monday(date));
        int today = perDay.getOrDefault(dayKey, 0);
        int thisWeek = perWeek.getOrDefault(weekKey, 0);
        boolean beyond = today >= (daily ? frequency.most() : 1) || (!daily && thisWeek >= frequency.most());
        if (beyond) {
            return new Reason(NotCounted.BEYOND_PRESCRIBED_FREQUENCY, name + " is prescribed " + frequency.text()
                    + (daily ? "" : ", at most once a day") + ": this session is extra and counts toward nothing");
        }
        perDay.put(dayKey, today + 1);
        perWeek.put(weekKey, thisWeek + 1);
        return null;
    }

    private String name(String exercise) {
        return plan.prescription(exercise).map(Prescription::name).orElse("The easy run");
    }
}
