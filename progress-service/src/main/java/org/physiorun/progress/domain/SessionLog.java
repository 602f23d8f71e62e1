package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One logged session. {@code phaseAtLogging} and {@code outOfPhase} are fixed when the session is logged
 * (see {@link GatePlan#isOutOfPhase}); an out-of-phase session is kept but counts toward no gate.
 */
public record SessionLog(UUID eventId, String exercise, Instant performedAt, Integer sets, Integer reps,
                         Integer holdSeconds, Integer distanceMetres, Integer efforts, Integer intensityPercent,
                         Integer painDuring, Integer painAfter, Boolean fullRange, Boolean tightness,
                         int phaseAtLogging, boolean outOfPhase) {

    public SessionLog {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(performedAt, "performedAt");
    }

    /** The worse of the pain during and after; a pain not reported is taken as none. */
    public int highestPain() {
        return Math.max(painDuring == null ? 0 : painDuring, painAfter == null ? 0 : painAfter);
    }

    /** Tightness counts only when reported: a session that does not mention it had none. */
    boolean tight() {
        return Boolean.TRUE.equals(tightness);
    }
}
