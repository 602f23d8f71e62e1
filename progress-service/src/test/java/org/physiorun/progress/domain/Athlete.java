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

    /**
     * Logs the shortest valid journey into {@code phase} under the default gates, one session per exercise a day
     * and each gate opened by the clock: phase 2 from day 7 at 00:00 (Isometric Hold and Extender on days 5 and 6),
     * phase 3 from day 15 at 00:00 (Glider, SL RDL and assisted Nordic on days 8, 10 and 12, an easy run on day 12),
     * phase 4 from day 29 at 00:00 (Diver, full Nordic and Walkouts on days 16, 18 and 20), the ladder at its foot.
     */
    Athlete reachPhase(int phase) {
        if (phase >= 2) {
            daily("isometric-heel-press", 5, 6);
            daily("extender", 5, 6);
            tick(Plans.at(7, 0, 0));
        }
        if (phase >= 3) {
            for (int day : new int[] {8, 10, 12}) {
                log("glider", day);
                log("single-leg-rdl", day);
                log("nordic-assisted", day);
            }
            log(GatePlan.EASY_RUN, 12);
            tick(Plans.at(15, 0, 0));
        }
        if (phase >= 4) {
            for (int day : new int[] {16, 18, 20}) {
                log("diver", day);
                log("nordic-full", day);
                log("walkouts", day);
            }
            tick(Plans.at(29, 0, 0));
        }
        if (state.phase() != phase) {
            throw new IllegalStateException("the journey reached phase " + state.phase() + ", not " + phase);
        }
        return this;
    }

    /**
     * Logs the journey to return-to-run clearance under the default plan: phase 4 from day 29 (see
     * {@link #reachPhase}), sprints every other day (60% on days 30 and 32, 80% on 34 and 36, 90% on 38 and 40, so
     * level 100 from day 40), A-skips on days 39 and 41, and clearance by the clock on day 43 at 00:00, fourteen
     * days after phase 4 began.
     */
    Athlete reachClearance() {
        reachPhase(4);
        int day = 30;
        for (int effort : new int[] {60, 60, 80, 80, 90, 90}) {
            log(plan.ladder().exercise(), day, s -> s.intensity(effort));
            day += 2;
        }
        log("a-skips", 39);
        log("a-skips", 41);
        tick(Plans.at(43, 0, 0));
        if (!state.returnToRunCleared()) {
            throw new IllegalStateException("the journey did not clear the athlete: " + state);
        }
        return this;
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
