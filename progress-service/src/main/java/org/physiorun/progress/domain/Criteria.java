package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Each criterion of section 4 with 4a's time rules, judged at one moment from the sessions of the current phase,
 * and said in words: what it asks, and where the athlete is (including why the latest session did not count).
 */
final class Criteria {

    static final String CLEARANCE_MIN_DAYS_ID = "clearance:min-days";

    private final GatePlan plan;
    /** The most sessions any criterion counts back, and the widest window of days an easy-run criterion reads. */
    private final int longestRun;
    private final int widestEasyRunWindow;

    Criteria(GatePlan plan) {
        this.plan = plan;
        this.longestRun = IntStream.concat(
                plan.gates().stream().flatMap(gate -> gate.streaks().stream()).mapToInt(StreakCriterion::sessions),
                IntStream.of(plan.ladder().sessionsPerLevel(), plan.clearance().sprintSessions(),
                        plan.clearance().drillSessions())).max().orElse(0);
        this.widestEasyRunWindow = plan.gates().stream().filter(gate -> gate.easyRun() != null)
                .mapToInt(gate -> gate.easyRun().withinDays()).max().orElse(0);
    }

    /** The moment of judgement: the athlete's state, the sessions of their phase so far, and the instant. */
    record Moment(ProgressState state, Stint stint, Instant at) {
    }

    CriterionResult minDay(PhaseGate gate, Moment moment) {
        int day = plan.day(moment.at());
        return new CriterionResult(PhaseGate.MIN_DAY_ID,
                "Day " + gate.earliestDay() + " or later, counting the injury day as day 1 (from "
                        + Words.date(plan.dateOfDay(gate.earliestDay())) + ")",
                day >= gate.earliestDay(), "Day " + day + " of at least " + gate.earliestDay());
    }

    CriterionResult streak(StreakCriterion streak, Moment moment) {
        Prescription exercise = prescribed(streak.exercise());
        Run run = Run.of(moment.stint().latestFirst(of(streak.exercise())), streak.sessions(),
                entry -> shortfall(entry, true, streak.fullRange(), false));
        return run.result(streak.id(),
                "Last " + Words.plural(streak.sessions(), exercise.name() + " session") + " at dose ("
                        + exercise.doseText() + "), pain-free" + (streak.fullRange() ? ", at full range" : "")
                        + frequencyNote(exercise),
                "consecutive pain-free " + exercise.name() + " sessions" + (streak.fullRange() ? " at full range" : ""),
                latestNotCounted(moment, streak.exercise(), entry -> true));
    }

    CriterionResult easyRun(EasyRunCriterion criterion, Moment moment) {
        LocalDate today = plan.dateOf(moment.at());
        LocalDate earliest = today.minusDays(criterion.withinDays() - 1L);
        long found = moment.stint().latestFirst(of(GatePlan.EASY_RUN)).stream()
                .filter(entry -> entry.counted() && entry.verdict().painFree())
                .filter(entry -> !plan.dateOf(entry.session().judgedAt()).isBefore(earliest))
                .count();
        String runs = Words.noun(criterion.count(), "easy run");
        String window = " in the last " + Words.plural(criterion.withinDays(), "day") + " of this phase";
        return new CriterionResult(EasyRunCriterion.ID,
                "At least " + criterion.count() + " pain-free " + runs + window,
                found >= criterion.count(),
                found == 0 ? "No pain-free easy run" + window
                        : Math.min(found, criterion.count()) + " of " + criterion.count() + " pain-free " + runs + window);
    }

    CriterionResult sprintLevel(int level, Moment moment) {
        Prescription sprint = prescribed(plan.ladder().exercise());
        int sessions = plan.ladder().sessionsPerLevel();
        int tolerance = plan.timing().levelTolerance();
        Instant since = moment.state().sprintLevelSince();
        Predicate<AthleteChart.Judged> sinceLevel = entry -> entry.session().judgedAt().isAfter(since);
        Run run = Run.of(moment.stint().latestFirst(of(sprint.exercise()).and(sinceLevel)
                        .and(entry -> entry.level() != null && entry.level() == level)), sessions,
                entry -> shortfall(entry, true, false, true));
        return run.result("sprint-level:" + level,
                "Last " + Words.plural(sessions, sprint.name() + " session") + " at " + level + "% effort ("
                        + (level - tolerance) + "-" + Math.min(100, level + tolerance) + "%): at dose ("
                        + sprint.doseText() + "), pain-free, no tightness, " + spacing(),
                "sprint sessions at " + level + "%", latestNotCounted(moment, sprint.exercise(), sinceLevel));
    }

    CriterionResult clearanceSprints(Moment moment) {
        Clearance clearance = plan.clearance();
        Prescription sprint = prescribed(plan.ladder().exercise());
        Run run = Run.of(moment.stint().latestFirst(of(sprint.exercise())), clearance.sprintSessions(), entry -> shortfall(entry, true, false, true)
                .or(() -> entry.level() < clearance.minIntensity()
                        ? Optional.of("at level " + entry.level() + "%, before the ladder reached "
                        + clearance.minIntensity() + "%") : Optional.empty())
                .or(() -> entry.session().intensityPercent() < clearance.minIntensity()
                        ? Optional.of("at " + entry.session().intensityPercent() + "% effort") : Optional.empty()));
        return run.result(Clearance.SPRINTS_ID,
                "Last " + Words.plural(clearance.sprintSessions(), sprint.name() + " session") + " counted at "
                        + clearance.minIntensity() + "% effort or more, once the ladder reached "
                        + clearance.minIntensity() + "%: at dose (" + sprint.doseText() + "), pain-free, no tightness",
                "sprint sessions at " + clearance.minIntensity() + "% or more",
                latestNotCounted(moment, sprint.exercise(), entry -> true));
    }

    CriterionResult clearanceDrill(Moment moment) {
        Clearance clearance = plan.clearance();
        Prescription drill = prescribed(clearance.drillExercise());
        Run run = Run.of(moment.stint().latestFirst(of(drill.exercise())), clearance.drillSessions(), entry -> shortfall(entry, false, false, true));
        return run.result(Clearance.DRILL_ID,
                "Last " + Words.plural(clearance.drillSessions(), drill.name() + " session")
                        + " pain-free, no tightness",
                "consecutive pain-free " + drill.name() + " sessions",
                latestNotCounted(moment, drill.exercise(), entry -> true));
    }

    CriterionResult clearanceMinDays(Moment moment) {
        int days = plan.timing().clearanceMinDays();
        LocalDate began = plan.dateOf(moment.state().phaseSince());
        LocalDate from = clearanceDate(moment.state());
        LocalDate today = plan.dateOf(moment.at());
        return new CriterionResult(CLEARANCE_MIN_DAYS_ID,
                "At least " + Words.plural(days, "day") + " of phase " + moment.state().phase()
                        + " (it began on " + Words.date(began) + ")",
                !today.isBefore(from),
                today.isBefore(from) ? "Clearance is possible from " + Words.date(from) : "Possible since "
                        + Words.date(from));
    }

    /** The local date from which clearance is possible in the current phase. */
    LocalDate clearanceDate(ProgressState state) {
        return plan.dateOf(state.phaseSince()).plusDays(plan.timing().clearanceMinDays());
    }

    /**
     * The sessions of the stint that a criterion judged at {@code at} or later can still read, oldest first: of each
     * exercise the newest (why it did not count) and as many of those that took their place in a count as the
     * longest run needs, and the easy runs of the widest window. The rest can never matter again.
     */
    List<AthleteChart.Judged> stillRead(Stint stint, Instant at) {
        LocalDate windowFrom = plan.dateOf(at).minusDays(widestEasyRunWindow);
        Set<String> newestSeen = new HashSet<>();
        Map<String, Integer> inRun = new HashMap<>();
        List<AthleteChart.Judged> kept = new ArrayList<>();
        List<AthleteChart.Judged> entries = stint.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            AthleteChart.Judged entry = entries.get(i);
            String exercise = entry.session().exercise();
            boolean newest = newestSeen.add(exercise);
            boolean counts = of(exercise).test(entry) && inRun.merge(exercise, 1, Integer::sum) <= longestRun;
            boolean inWindow = GatePlan.EASY_RUN.equals(exercise)
                    && !plan.dateOf(entry.session().judgedAt()).isBefore(windowFrom);
            if (newest || counts || inWindow) {
                kept.add(entry);
            }
        }
        Collections.reverse(kept);
        return kept;
    }

    /** Whether a session took its place in the count: counted, or a failing one that breaks a run. */
    private Predicate<AthleteChart.Judged> of(String exercise) {
        return entry -> entry.session().exercise().equals(exercise) && (entry.counted() || breaks(entry));
    }

    // A session below the dose breaks a run; so does pain in an extra or late session (pain is never ignored).
    private static boolean breaks(AthleteChart.Judged entry) {
        NotCounted reason = entry.verdict().notCountedBecause();
        return reason == NotCounted.NOT_AT_DOSE || (!entry.verdict().painFree()
                && (reason == NotCounted.BEYOND_PRESCRIBED_FREQUENCY || reason == NotCounted.LOGGED_TOO_LATE));
    }

    /** Why a session fails the criterion, as it completes "a session ...", or empty when it passes. */
    private Optional<String> shortfall(AthleteChart.Judged entry, boolean dose, boolean fullRange, boolean noTightness) {
        SessionLog session = entry.session();
        if (!entry.verdict().painFree()) {
            return Optional.of("with pain " + session.highestPain() + "/10");
        }
        if (dose && entry.verdict().notCountedBecause() == NotCounted.NOT_AT_DOSE) {
            return Optional.of("below the prescribed dose");
        }
        if (fullRange && !Boolean.TRUE.equals(session.fullRange())) {
            return Optional.of(session.fullRange() == null ? "not reported at full range" : "short of full range");
        }
        if (noTightness && session.tight()) {
            return Optional.of("with tightness");
        }
        return Optional.empty();
    }

    /**
     * Why the newest session of the exercise did not count, when it took no place in the count (a sprint too soon,
     * an extra session, ...): the runner should not have to guess why the count did not move.
     */
    private String latestNotCounted(Moment moment, String exercise, Predicate<AthleteChart.Judged> among) {
        return moment.stint().latestFirst(entry -> entry.session().exercise().equals(exercise)).stream()
                .filter(among).findFirst()
                .filter(entry -> !entry.counted() && !breaks(entry))
                .map(entry -> "; the session of " + Words.dateTime(entry.session().judgedAt(), plan.timeZone())
                        + " did not count: " + entry.verdict().explanation())
                .orElse("");
    }

    private String frequencyNote(Prescription exercise) {
        return exercise.frequency() == null ? "" : "; sessions count " + exercise.frequency().text()
                + (exercise.frequency().per() == Frequency.Period.WEEK ? " at most, one a day" : " at most");
    }

    private String spacing() {
        TimeRules timing = plan.timing();
        return "each at least " + Words.plural(timing.sprintMinDaysBetween(), "day") + " and "
                + timing.sprintMinHoursBetween() + " hours after the previous sprint session";
    }

    // The plan's constructor checked that every exercise its criteria name is prescribed.
    private Prescription prescribed(String exercise) {
        return plan.prescription(exercise).orElseThrow();
    }

    /** Passing sessions counted back from the most recent, up to the number needed; a failing one ends the count. */
    private record Run(int count, int needed, String brokenBy) {

        static Run of(List<AthleteChart.Judged> latestFirst, int needed, Function<AthleteChart.Judged, Optional<String>> shortfall) {
            int count = 0;
            for (AthleteChart.Judged entry : latestFirst) {
                if (count == needed) {
                    break;
                }
                Optional<String> missed = shortfall.apply(entry);
                if (missed.isPresent()) {
                    return new Run(count, needed, missed.get());
                }
                count++;
            }
            return new Run(count, needed, null);
        }

        CriterionResult result(String id, String description, String whatCounts, String note) {
            String restarted = brokenBy == null ? "" : " (count restarted after a session " + brokenBy + ")";
            return new CriterionResult(id, description, count == needed,
                    count + " of " + needed + " " + whatCounts + restarted + note);
        }
    }
}
