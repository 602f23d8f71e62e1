package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One logged session as it was reported, with when progress-service first received it ({@code loggedAt}) and who
 * entered it. What it meant (phase, counted or not) is not part of it: that follows from its place in the order
 * of performance, which a late session can change (see {@link Verdict}).
 */
public record SessionLog(UUID eventId, String exercise, Instant performedAt, Instant loggedAt, EnteredBy enteredBy,
                         Integer sets, Integer reps, Integer holdSeconds, Integer distanceMetres, Integer efforts,
                         Integer intensityPercent, Integer painDuring, Integer painAfter, Boolean fullRange,
                         Boolean tightness) {

    public SessionLog {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(performedAt, "performedAt");
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(enteredBy, "enteredBy");
    }

    /**
     * Where the session stands in the order of performance: when it was performed, or when it arrived if it claims
     * a later time (a clock running fast): a session is never judged as of an instant still to come.
     */
    public Instant judgedAt() {
        return performedAt.isAfter(loggedAt) ? loggedAt : performedAt;
    }

    /** The worse of the pain during and after; pain after that was not reported is judged on pain during. */
    public int highestPain() {
        return Math.max(painDuring == null ? 0 : painDuring, painAfter == null ? 0 : painAfter);
    }

    /** Tightness counts only when reported: a session that does not mention it had none. */
    boolean tight() {
        return Boolean.TRUE.equals(tightness);
    }
}
