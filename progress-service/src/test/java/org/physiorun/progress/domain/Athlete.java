package org.physiorun.progress.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plays the service around the rules: keeps every session logged and every decision published, walks the plan
 * again whenever a session arrives or the clock ticks, and publishes what the walk adds.
 */
final class Athlete {

    // The service receives a session a moment after it was performed.
    static final Duration PROCESSING_LAG = Duration.ofMinutes(1);

    final GatePlan plan;
    final ProgressionRules rules;
    final List<SessionLog> history = new ArrayList<>();
    final List<Ruling> published = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    ProgressState state;
    Replay last;
    private int sessionsLogged;

    Athlete(GatePlan plan) {
        this.plan = plan;
        this.rules = new ProgressionRules(plan);
        this.state = ProgressState.start(plan.programmeStart());
    }

    static Athlete onDefaults() {
        return new Athlete(Plans.defaults());
    }

    SessionBuilder session(String exercise) {
        return SessionBuilder.atDose(plan, exercise);
    }

    /** Logs a session at dose and pain-free at 08:00 on {@code day}; sessions logged later are performed later. */
    List<Decision> log(String exercise, int day) {
        return log(exercise, day, session -> { });
    }

    List<Decision> log(String exercise, int day, Consumer<SessionBuilder> tweak) {
        SessionBuilder builder = session(exercise).at(Plans.at(day, 8, 0).plusSeconds(120L * sessionsLogged++));
        tweak.accept(builder);
        return log(builder);
    }

    /** Logs a session; the walk runs as of the moment it was received. */
    List<Decision> log(SessionBuilder builder) {
        SessionLog session = builder.build();
        return log(session, session.loggedAt());
    }

    List<Decision> log(SessionLog session, Instant now) {
        history.add(session);
        return walk(now);
    }

    List<Decision> tick(Instant now) {
        return walk(now);
    }

    /** Every session of the exercise at dose and pain-free, one a day at 08:00 from {@code firstDay} to {@code lastDay}. */
    List<Decision> daily(String exercise, int firstDay, int lastDay) {
        List<Decision> made = new ArrayList<>();
        for (int day = firstDay; day <= lastDay; day++) {
            made.addAll(log(exercise, day));
        }
        return made;
    }

    CapacityCheck check(Instant now) {
        return rules.replay(history, published, now).check();
    }

    CriterionResult criterion(String id, Instant now) {
        return check(now).nextGate().criteria().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + id));
    }

    Verdict verdict(UUID eventId) {
        return last.verdicts().get(eventId);
    }

    Map<UUID, Verdict> verdicts() {
        return last.verdicts();
    }

    List<ReviewFlag> flags() {
        return last.flags();
    }

    private List<Decision> walk(Instant now) {
        last = rules.replay(history, published, now);
        published.addAll(last.newRulings());
        state = last.state();
        List<Decision> made = last.newRulings().stream().map(Ruling::decision).toList();
        decisions.addAll(made);
        return made;
    }
}
