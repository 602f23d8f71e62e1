package org.physiorun.progress.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays the service around the rules: keeps the state and the history, marks each session out of phase
 * or not as it is logged, and records every decision in order.
 */
final class Athlete {

    // The service processes a session a moment after it was performed.
    static final Duration PROCESSING_LAG = Duration.ofMinutes(1);

    final GatePlan plan;
    final ProgressionRules rules;
    final List<SessionLog> history = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    ProgressState state;
    private int sessionsLogged;

    Athlete(GatePlan plan, ProgressState state) {
        this.plan = plan;
        this.rules = new ProgressionRules(plan);
        this.state = state;
    }

    /** A new athlete whose plan was created early on day 1. */
    static Athlete onDefaults() {
        return new Athlete(Plans.defaults(), ProgressState.start(Plans.at(1, 7, 0)));
    }

    /** An athlete with the default plan who entered {@code phase} early on {@code day}. */
    static Athlete inPhase(int phase, int day) {
        Instant since = Plans.at(day, 7, 0);
        GatePlan plan = Plans.defaults();
        return new Athlete(plan, new ProgressState(phase, since, phase == 4 ? 60 : null, phase == 4 ? since : null,
                false));
    }

    SessionBuilder session(String exercise) {
        return SessionBuilder.atDose(plan, exercise);
    }

    /** Logs a session at dose and pain-free on {@code day}; sessions logged later are performed later. */
    List<Decision> log(String exercise, int day) {
        return log(exercise, day, session -> { });
    }

    List<Decision> log(String exercise, int day, Consumer<SessionBuilder> tweak) {
        SessionBuilder builder = session(exercise).at(Plans.at(day, 8, 0).plusSeconds(120L * sessionsLogged++));
        tweak.accept(builder);
        return log(builder);
    }

    List<Decision> log(SessionBuilder builder) {
        SessionLog draft = builder.build();
        return log(builder, draft.performedAt().plus(PROCESSING_LAG));
    }

    List<Decision> log(SessionBuilder builder, Instant now) {
        SessionLog session = builder
                .loggedIn(state.phase(), plan.isOutOfPhase(builder.exercise(), state.phase()))
                .build();
        history.add(session);
        return record(rules.onSession(state, session, history, now));
    }

    List<Decision> tick(Instant now) {
        return record(rules.onClock(state, history, now));
    }

    CapacityCheck check(Instant now) {
        return rules.check(state, history, now);
    }

    CriterionResult criterion(String id, Instant now) {
        return check(now).nextGate().criteria().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + id));
    }

    private List<Decision> record(Outcome outcome) {
        state = outcome.state();
        decisions.addAll(outcome.decisions());
        return outcome.decisions();
    }
}
