package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gating rules of protocol.md sections 4 and 4a for one plan: a pure function of the plan, every session known,
 * the decisions already published and the time, so the caller owns storage, idempotency and delivery.
 */
public final class ProgressionRules {

    private final GatePlan plan;

    public ProgressionRules(GatePlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * Walks the plan in the order of performance up to {@code now}. Sessions may be given in any order and more than
     * once; {@code published} are the decisions taken before, which stand.
     */
    public Replay replay(List<SessionLog> sessions, List<Ruling> published, Instant now) {
        return new Timeline(plan, published).walk(sessions, now);
    }

    /**
     * Where a plan stands before its programme begins: no session judged, no decision taken. A new plan keeps it, so
     * that its first sessions are judged from the chart like any later ones.
     */
    public Replay atStart() {
        return replay(List.of(), List.of(), plan.programmeStart().minusMillis(1));
    }

    /**
     * The same walk taken up where {@code chart} left it, with new sessions that all follow it ({@link
     * AthleteChart#takes}): the same decisions and verdicts as walking every session again, at a cost that does not
     * grow with the athlete's history. Verdicts are given for the new sessions only; those before stand.
     */
    public Replay resume(AthleteChart chart, List<SessionLog> newSessions, Instant now) {
        if (!chart.takes(newSessions, now)) {
            throw new IllegalArgumentException("a session before the chart's position " + chart.position()
                    + " (or received after " + now + ") needs the whole plan walked again");
        }
        return new Timeline(plan, chart).walk(newSessions, now);
    }
}
