package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/**
 * The gating rules of protocol.md section 4 for one plan: pure functions of the state, the athlete's
 * sessions and the time, so the caller owns storage, idempotency and delivery.
 */
public final class ProgressionRules {

    private static final Comparator<SessionLog> CHRONOLOGICAL =
            Comparator.comparing(SessionLog::performedAt).thenComparing(SessionLog::eventId);

    private final GatePlan plan;

    public ProgressionRules(GatePlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * A session was logged. {@code history} holds all the athlete's sessions, the new one included, in
     * any order. Decisions come in order: pain alert, regression, then every gate the sessions open.
     */
    public Outcome onSession(ProgressState state, SessionLog session, List<SessionLog> history, Instant now) {
        List<SessionLog> sessions = new ArrayList<>(history);
        sessions.add(session); // harmless when the caller already included it: the timeline dedupes
        List<Decision> decisions = new ArrayList<>();
        int pain = session.highestPain();
        if (pain > plan.painCeiling()) {
            decisions.add(new PainCeilingExceeded(pain, session.exercise(), List.of(PainCeilingExceeded.CRITERION_ID)));
        }
        Optional<PhaseRegressed> regressed = regression(state, session);
        regressed.ifPresent(decisions::add);
        ProgressState current = regressed.map(r -> enter(state, r.toPhase(), now)).orElse(state);
        return advance(current, timeline(sessions), now, decisions);
    }

    /** The scheduled re-evaluation: opens what time alone can open (the day arriving), never alerts. */
    public Outcome onClock(ProgressState state, List<SessionLog> history, Instant now) {
        return advance(state, timeline(history), now, new ArrayList<>());
    }

    /** The capacity check: the next gate and how far the athlete is toward each of its criteria. */
    public CapacityCheck check(ProgressState state, List<SessionLog> history, Instant now) {
        Context context = context(state, timeline(history), now);
        NextGate nextGate = nextStep(state).map(step -> step.nextGate(step.criteria(context))).orElse(null);
        return new CapacityCheck(state.phase(), context.day(), state.sprintLevel(), state.returnToRunCleared(),
                nextGate);
    }

    private Outcome advance(ProgressState state, List<SessionLog> timeline, Instant now, List<Decision> decisions) {
        ProgressState current = state;
        boolean moved;
        do {
            moved = false;
            Context context = context(current, timeline, now);
            for (Step step : pendingSteps(current)) {
                List<CriterionResult> results = step.criteria(context);
                if (results.stream().allMatch(CriterionResult::met)) {
                    decisions.add(step.decision(results.stream().map(CriterionResult::id).toList()));
                    current = step.apply(current, now);
                    moved = true;
                    break;
                }
            }
        } while (moved);
        return new Outcome(current, decisions);
    }

    // A redelivered session must count once, and sessions may arrive out of time order.
    private static List<SessionLog> timeline(List<SessionLog> sessions) {
        Map<UUID, SessionLog> byEventId = new LinkedHashMap<>();
        sessions.forEach(session -> byEventId.putIfAbsent(session.eventId(), session));
        return byEventId.values().stream().sorted(CHRONOLOGICAL).toList();
    }

    // Sessions performed after `now` have not happened yet as far as gating goes: counting them early could
    // let one session open a gate and then, its time still ahead of the new phaseSince, the next one too.
    private Context context(ProgressState state, List<SessionLog> timeline, Instant now) {
        List<SessionLog> counted = timeline.stream()
                .filter(session -> inStint(state, session) && !session.performedAt().isAfter(now))
                .toList();
        return new Context(state, counted, plan.dateOf(now), plan.day(now));
    }

    // Strictly after the phase was entered: a regression is re-earned only from new sessions, and the session
    // that opened a gate (performed at or before that instant) cannot serve the next gate as well.
    private static boolean inStint(ProgressState state, SessionLog session) {
        return !session.outOfPhase() && session.performedAt().isAfter(state.phaseSince());
    }

    private ProgressState enter(ProgressState state, int phase, Instant now) {
        return state.enterPhase(phase, now, phase == plan.ladderPhase() ? plan.ladder().firstLevel() : null);
    }

    private Optional<PhaseRegressed> regression(ProgressState state, SessionLog session) {
        Regression regression = plan.regression();
        if (state.phase() != regression.fromPhase() || !regression.exercises().contains(session.exercise())
                || !inStint(state, session)) {
            return Optional.empty();
        }
        boolean tight = session.tight();
        boolean pain = !plan.painFree(session);
        if (!tight && !pain) {
            return Optional.empty();
        }
        String name = prescribed(session.exercise()).name();
        String painText = "pain " + session.highestPain() + "/10 during " + name;
        List<String> criteria = new ArrayList<>();
        if (tight) {
            criteria.add(Regression.TIGHTNESS_ID);
        }
        if (pain) {
            criteria.add(Regression.PAIN_ID);
        }
        String reason = tight && pain ? "tightness and " + painText : tight ? "tightness in " + name : painText;
        return Optional.of(new PhaseRegressed(regression.fromPhase(), regression.toPhase(), reason, criteria));
    }

    // What the athlete can open next, in the order they are tried: the gate out of the phase, or in the
    // ladder phase the next sprint level and then, from the clearance intensity on, clearance.
    private List<Step> pendingSteps(ProgressState state) {
        Optional<PhaseGate> gate = plan.gateFrom(state.phase());
        if (gate.isPresent()) {
            return List.of(new PhaseStep(gate.get()));
        }
        if (state.sprintLevel() == null) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        plan.ladder().levelAfter(state.sprintLevel())
                .ifPresent(next -> steps.add(new LadderStep(state.sprintLevel(), next)));
        if (!state.returnToRunCleared() && state.sprintLevel() >= plan.clearance().minIntensity()) {
            steps.add(new ClearanceStep());
        }
        return steps;
    }

    // The gate to show the athlete: once clearance is in reach it is the goal, and the higher sprint
    // levels that may still follow it are not.
    private Optional<Step> nextStep(ProgressState state) {
        if (state.returnToRunCleared()) {
            return Optional.empty();
        }
        return pendingSteps(state).stream().reduce((earlier, later) -> later);
    }

    private CriterionResult minDay(PhaseGate gate, Context context) {
        return new CriterionResult(PhaseGate.MIN_DAY_ID,
                "Day " + gate.earliestDay() + " or later, counting the injury day as day 1",
                context.day() >= gate.earliestDay(),
                "Day " + context.day() + " of at least " + gate.earliestDay());
    }

    private CriterionResult streak(StreakCriterion streak, Context context) {
        Prescription exercise = prescribed(streak.exercise());
        Run run = Run.of(context.latestFirst(session -> session.exercise().equals(streak.exercise())),
                streak.sessions(), session -> shortfall(session, exercise, streak.fullRange(), false));
        return run.result(streak.id(),
                "Last " + plural(streak.sessions(), exercise.name() + " session") + " at dose ("
                        + exercise.doseText() + "), pain-free" + (streak.fullRange() ? ", at full range" : ""),
                "consecutive pain-free " + exercise.name() + " sessions" + (streak.fullRange() ? " at full range" : ""));
    }

    private CriterionResult easyRun(EasyRunCriterion criterion, Context context) {
        LocalDate earliest = context.today().minusDays(criterion.withinDays() - 1L);
        long found = context.counted().stream()
                .filter(session -> GatePlan.EASY_RUN.equals(session.exercise()) && plan.painFree(session))
                .filter(session -> !plan.dateOf(session.performedAt()).isBefore(earliest))
                .count();
        String runs = noun(criterion.count(), "easy run");
        String window = " in the last " + plural(criterion.withinDays(), "day");
        return new CriterionResult(EasyRunCriterion.ID,
                "At least " + criterion.count() + " pain-free " + runs + window,
                found >= criterion.count(),
                found == 0 ? "No pain-free easy run" + window
                        : Math.min(found, criterion.count()) + " of " + criterion.count() + " pain-free " + runs + window);
    }

    private CriterionResult sprints(String id, int intensity, Instant after, int sessions, String since,
                                    Context context) {
        Prescription sprint = prescribed(plan.ladder().exercise());
        Run run = Run.of(context.latestFirst(session -> session.exercise().equals(sprint.exercise())
                        && session.intensityPercent() != null && session.intensityPercent() >= intensity
                        && session.performedAt().isAfter(after)),
                sessions, session -> shortfall(session, sprint, false, true));
        return run.result(id,
                "Last " + plural(sessions, sprint.name() + " session") + " at " + intensity + "% effort or more"
                        + since + ": at dose (" + sprint.doseText() + "), pain-free, no tightness",
                "pain-free sessions at " + intensity + "% effort or more");
    }

    private CriterionResult drill(Context context) {
        Clearance clearance = plan.clearance();
        Prescription drill = prescribed(clearance.drillExercise());
        Run run = Run.of(context.latestFirst(session -> session.exercise().equals(drill.exercise())),
                clearance.drillSessions(), session -> shortfall(session, null, false, false));
        return run.result(Clearance.DRILL_ID,
                "Last " + plural(clearance.drillSessions(), drill.name() + " session") + " pain-free",
                "consecutive pain-free " + drill.name() + " sessions");
    }

    /** Why a session does not count, as it completes "a session ...", or empty when it counts. */
    private Optional<String> shortfall(SessionLog session, Prescription doseOrNull, boolean fullRange,
                                       boolean noTightness) {
        if (doseOrNull != null && !doseOrNull.atDose(session)) {
            return Optional.of("below the prescribed dose");
        }
        if (!plan.painFree(session)) {
            return Optional.of("with pain " + session.highestPain() + "/10");
        }
        if (fullRange && !Boolean.TRUE.equals(session.fullRange())) {
            return Optional.of(session.fullRange() == null ? "not reported at full range" : "short of full range");
        }
        if (noTightness && session.tight()) {
            return Optional.of("with tightness");
        }
        return Optional.empty();
    }

    // The plan's constructor checked that every exercise its criteria name is prescribed.
    private Prescription prescribed(String exercise) {
        return plan.prescription(exercise).orElseThrow();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun(count, noun);
    }

    private static String noun(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }

    /** The sessions that count toward what follows the current phase, oldest first, and the day. */
    private record Context(ProgressState state, List<SessionLog> counted, LocalDate today, int day) {

        List<SessionLog> latestFirst(Predicate<SessionLog> filter) {
            List<SessionLog> matching = new ArrayList<>(counted.stream().filter(filter).toList());
            Collections.reverse(matching);
            return matching;
        }
    }

    /** Passing sessions counted back from the most recent, up to the number needed; a failing one ends the count. */
    private record Run(int count, int needed, String brokenBy) {

        static Run of(List<SessionLog> latestFirst, int needed, Function<SessionLog, Optional<String>> shortfall) {
            int count = 0;
            for (SessionLog session : latestFirst) {
                if (count == needed) {
                    break;
                }
                Optional<String> missed = shortfall.apply(session);
                if (missed.isPresent()) {
                    return new Run(count, needed, missed.get());
                }
                count++;
            }
            return new Run(count, needed, null);
        }

        CriterionResult result(String id, String description, String whatCounts) {
            String restarted = brokenBy == null ? "" : " (count restarted after a session " + brokenBy + ")";
            return new CriterionResult(id, description, count == needed,
                    count + " of " + needed + " " + whatCounts + restarted);
        }
    }

    /** Something the athlete can open: its criteria, the decision and state change when all are met. */
    private interface Step {

        List<CriterionResult> criteria(Context context);

        Decision decision(List<String> criteria);

        ProgressState apply(ProgressState state, Instant now);

        NextGate nextGate(List<CriterionResult> criteria);
    }

    private final class PhaseStep implements Step {

        private final PhaseGate gate;

        PhaseStep(PhaseGate gate) {
            this.gate = gate;
        }

        @Override
        public List<CriterionResult> criteria(Context context) {
            List<CriterionResult> results = new ArrayList<>();
            results.add(minDay(gate, context));
            gate.streaks().forEach(streak -> results.add(streak(streak, context)));
            if (gate.easyRun() != null) {
                results.add(easyRun(gate.easyRun(), context));
            }
            return results;
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new PhaseAdvanced(gate.fromPhase(), gate.toPhase(), criteria);
        }

        @Override
        public ProgressState apply(ProgressState state, Instant now) {
            return enter(state, gate.toPhase(), now);
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(gate.toPhase(), null, false, criteria);
        }
    }

    private final class LadderStep implements Step {

        private final int fromLevel;
        private final int toLevel;

        LadderStep(int fromLevel, int toLevel) {
            this.fromLevel = fromLevel;
            this.toLevel = toLevel;
        }

        @Override
        public List<CriterionResult> criteria(Context context) {
            return List.of(sprints("sprint-level:" + fromLevel, fromLevel, context.state().sprintLevelSince(),
                    plan.ladder().sessionsPerLevel(), " since reaching " + fromLevel + "%", context));
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new SprintLevelAdvanced(fromLevel, toLevel, criteria);
        }

        @Override
        public ProgressState apply(ProgressState state, Instant now) {
            return state.reachSprintLevel(toLevel, now);
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(null, toLevel, false, criteria);
        }
    }

    private final class ClearanceStep implements Step {

        @Override
        public List<CriterionResult> criteria(Context context) {
            Clearance clearance = plan.clearance();
            return List.of(
                    sprints(Clearance.SPRINTS_ID, clearance.minIntensity(), context.state().phaseSince(),
                            clearance.sprintSessions(), "", context),
                    drill(context));
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new ReturnToRunCleared(criteria);
        }

        @Override
        public ProgressState apply(ProgressState state, Instant now) {
            return state.clearReturnToRun();
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(null, null, true, criteria);
        }
    }
}
