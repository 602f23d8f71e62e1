package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/**
 * One walk through an athlete's plan in the order of performance (section 4a, rule 5): each session is judged at
 * its place, whatever order it arrived in, and the days that open gates by themselves are visited in between. The
 * decisions already published are anchors: each takes effect at its instant even where the sessions known now would
 * not have allowed it (then the athlete is flagged for review), and none is made twice. Whatever else follows
 * from the sessions is a new decision.
 */
final class Timeline {

    private static final Comparator<SessionLog> PERFORMANCE_ORDER =
            Comparator.comparing(SessionLog::judgedAt).thenComparing(SessionLog::eventId);

    private final GatePlan plan;
    private final Criteria criteria;
    private final Steps steps;
    private final Judge judge;
    private final Stint stint;
    private final int walkedBefore;
    private final Map<String, Ruling> published = new HashMap<>();
    private final Deque<Ruling> anchors;
    private final Set<String> taken = new HashSet<>();
    private final List<Ruling> rulings = new ArrayList<>();
    private final Map<UUID, Verdict> verdicts = new LinkedHashMap<>();
    private final List<ReviewFlag> flags = new ArrayList<>();
    private ProgressState state;
    private Instant cursor;
    /**
     * The last moment the walk judged a session or took a decision at. A day visited after it changed nothing, and
     * visiting it again after a session performed before it changes nothing either: the chart stands here.
     */
    private Instant reached;

    Timeline(GatePlan plan, List<Ruling> publishedRulings) {
        this(plan, publishedRulings, ProgressState.start(plan.programmeStart().minusMillis(1)), new Judge(plan),
                List.of(), 0);
        this.cursor = state.phaseSince();
        this.reached = cursor;
    }

    /**
     * Takes the walk up where the chart left it. No published decision lies ahead of it: each was taken by a walk
     * that went no further than the chart.
     */
    Timeline(GatePlan plan, AthleteChart chart) {
        this(plan, List.of(), chart.state(), new Judge(plan, chart),
                chart.stint(), chart.sessions());
        this.cursor = chart.position();
        this.reached = cursor;
    }

    private Timeline(GatePlan plan, List<Ruling> publishedRulings, ProgressState state, Judge judge,
                     List<AthleteChart.Judged> stint, int walkedBefore) {
        this.plan = plan;
        this.criteria = new Criteria(plan);
        this.steps = new Steps(plan, criteria);
        this.judge = judge;
        this.stint = new Stint(stint);
        this.walkedBefore = walkedBefore;
        publishedRulings.forEach(ruling -> published.put(ruling.key(), ruling));
        this.anchors = new ArrayDeque<>(publishedRulings.stream().filter(r -> r.decision().movesAthlete())
                .sorted(Comparator.comparing(Ruling::effectiveAt)).toList());
        this.state = state;
    }

    Replay walk(List<SessionLog> sessions, Instant now) {
        Map<UUID, SessionLog> once = new LinkedHashMap<>();
        sessions.forEach(session -> once.putIfAbsent(session.eventId(), session)); // a redelivery counts once
        // A session received after now (a test's or a replayed history) has not happened yet for this walk.
        List<SessionLog> ordered = once.values().stream().filter(session -> !session.loggedAt().isAfter(now))
                .sorted(PERFORMANCE_ORDER).toList();
        int next = 0;
        while (true) {
            Instant sessionAt = next < ordered.size() ? ordered.get(next).judgedAt() : null;
            Instant anchorAt = anchors.isEmpty() ? null : anchors.peekFirst().effectiveAt();
            Optional<Instant> day = nextDay().filter(at -> !at.isAfter(now));
            // At one instant: the day first, then the session, then a published decision (which the two before
            // may have taken already).
            if (day.isPresent() && (sessionAt == null || !day.get().isAfter(sessionAt))
                    && (anchorAt == null || !day.get().isAfter(anchorAt))) {
                cursor = day.get();
                advance(null);
            } else if (sessionAt != null && (anchorAt == null || !sessionAt.isAfter(anchorAt))) {
                cursor = sessionAt;
                session(ordered.get(next++));
            } else if (anchorAt != null) {
                cursor = anchorAt.isAfter(cursor) ? anchorAt : cursor;
                anchor(anchors.pollFirst());
            } else {
                break;
            }
        }
        Criteria.Moment moment = new Criteria.Moment(state, stint, now);
        NextGate nextGate = steps.next(state).map(step -> step.nextGate(step.criteria(moment))).orElse(null);
        CapacityCheck check = new CapacityCheck(state.phase(), plan.day(now), state.sprintLevel(),
                state.returnToRunCleared(), nextGate);
        AthleteChart chart = chart(now, walkedBefore + ordered.size());
        cursor = now;
        return new Replay(state, rulings, verdicts, flags, check, nextDay(), chart);
    }

    /** The chart as of the last moment the walk judged a session or took a decision at. */
    private AthleteChart chart(Instant now, int sessions) {
        return new AthleteChart(state, reached, now, sessions, criteria.stillRead(stint, reached),
                judge.perDayFrom(reached), judge.perWeekFrom(reached), judge.lastSprint());
    }

    /** The next moment after the cursor from which time alone could open a step for the athlete. */
    private Optional<Instant> nextDay() {
        return steps.dayBound(state).stream().filter(at -> at.isAfter(cursor)).min(Comparator.naturalOrder());
    }

    private void session(SessionLog session) {
        reached = cursor;
        Verdict verdict = judge.judge(session, state);
        verdicts.put(session.eventId(), verdict);
        stint.add(new AthleteChart.Judged(session, verdict, state.sprintLevel()));
        int pain = session.highestPain();
        if (pain > plan.painCeiling()) {
            decide(new PainCeilingExceeded(pain, session.exercise(), List.of(PainCeilingExceeded.CRITERION_ID)),
                    session.eventId());
        }
        regression(session, verdict).ifPresent(regressed -> decide(regressed, session.eventId()));
        advance(session.eventId());
    }

    // Pain or tightness in a drill of the phase regresses, even in a session that counts toward nothing: pain is
    // never ignored. Only a session of the phase does: one performed before it began belongs to the phase before.
    private Optional<PhaseRegressed> regression(SessionLog session, Verdict verdict) {
        Regression regression = plan.regression();
        NotCounted reason = verdict.notCountedBecause();
        if (state.phase() != regression.fromPhase() || !regression.exercises().contains(session.exercise())
                || reason == NotCounted.OUT_OF_PHASE || reason == NotCounted.BEFORE_PHASE_BEGAN
                || reason == NotCounted.BEFORE_REGRESSION) {
            return Optional.empty();
        }
        boolean tight = session.tight();
        boolean pain = !verdict.painFree();
        if (!tight && !pain) {
            return Optional.empty();
        }
        String name = plan.prescription(session.exercise()).orElseThrow().name();
        String painText = "pain " + session.highestPain() + "/10 during " + name;
        List<String> ids = new ArrayList<>();
        if (tight) {
            ids.add(Regression.TIGHTNESS_ID);
        }
        if (pain) {
            ids.add(Regression.PAIN_ID);
        }
        String reasonText = tight && pain ? "tightness and " + painText : tight ? "tightness in " + name : painText;
        return Optional.of(new PhaseRegressed(regression.fromPhase(), regression.toPhase(), reasonText,
                state.returnToRunCleared(), ids));
    }

    /** Opens every step whose criteria all hold at the cursor, one after another. */
    private void advance(UUID sessionEventId) {
        Set<String> held = new HashSet<>();
        boolean moved;
        do {
            moved = false;
            Criteria.Moment moment = new Criteria.Moment(state, stint, cursor);
            for (Steps.Step step : steps.pending(state)) {
                List<CriterionResult> results = step.criteria(moment);
                if (results.stream().allMatch(CriterionResult::met)) {
                    Decision decision = step.decision(results.stream().map(CriterionResult::id).toList());
                    if (held.add(decision.eventType() + decision.criteria()) && decide(decision, sessionEventId)) {
                        moved = true;
                        break;
                    }
                }
            }
        } while (moved);
    }

    /**
     * Takes a decision at the cursor. One already published keeps its key and id and adds nothing; if it was
     * published as of a later instant it waits for that instant, so the published timeline stands.
     *
     * @return whether the athlete moved
     */
    private boolean decide(Decision decision, UUID sessionEventId) {
        reached = cursor;
        int regressions = state.regressions() + (decision instanceof PhaseRegressed ? 1 : 0);
        String key = decision.key(plan.planId(), regressions, sessionEventId);
        Ruling before = published.get(key);
        if (before == null) {
            rulings.add(new Ruling(key, decision, cursor, sessionEventId));
        } else if (decision.movesAthlete() && before.effectiveAt().isAfter(cursor)) {
            return false;
        }
        taken.add(key);
        move(decision, cursor);
        return decision.movesAthlete();
    }

    /** A published decision the walk has not taken by its instant: it stands, if the athlete is where it applies. */
    private void anchor(Ruling ruling) {
        if (!taken.add(ruling.key())) {
            return;
        }
        Decision decision = ruling.decision();
        Optional<Steps.Step> step = steps.takenBy(decision, state);
        boolean applies = step.isPresent() || (decision instanceof PhaseRegressed d && d.fromPhase() == state.phase());
        if (!applies) {
            return; // a decision since made from a late session (a regression) has moved the athlete elsewhere
        }
        reached = cursor;
        step.ifPresent(s -> {
            List<String> unmet = s.criteria(new Criteria.Moment(state, stint, ruling.effectiveAt())).stream()
                    .filter(c -> !c.met()).map(CriterionResult::detail).toList();
            if (!unmet.isEmpty()) {
                flags.add(new ReviewFlag(ruling.key(), ruling.effectiveAt(), describe(decision) + " on "
                        + Words.dateTime(ruling.effectiveAt(), plan.timeZone()) + " stands, but sessions logged"
                        + " since would have kept it shut: " + String.join("; ", unmet) + ". Please review."));
            }
        });
        move(decision, ruling.effectiveAt());
    }

    private void move(Decision decision, Instant at) {
        ProgressState before = state;
        if (decision instanceof PhaseAdvanced d) {
            state = state.advance(d.toPhase(), at, d.toPhase() == plan.ladderPhase() ? plan.ladder().firstLevel() : null);
        } else if (decision instanceof PhaseRegressed d) {
            state = state.regress(d.toPhase(), at);
        } else if (decision instanceof SprintLevelAdvanced d) {
            state = state.reachSprintLevel(d.toLevel(), at);
        } else if (decision instanceof ReturnToRunCleared) {
            state = state.clearReturnToRun();
        }
        if (state.phase() != before.phase()) {
            stint.clear();
        }
    }

    private static String describe(Decision decision) {
        if (decision instanceof PhaseAdvanced d) {
            return "Phase " + d.toPhase() + " opened";
        }
        if (decision instanceof SprintLevelAdvanced d) {
            return "Sprint level " + d.toLevel() + "% opened";
        }
        return "Return to running was cleared";
    }
}
