package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A decision in the athlete's timeline: what was decided, under which key (one key, one decision, one event id
 * for good), the instant it takes effect in the order of performance, and the session that caused it (null when
 * the day arriving did).
 */
public record Ruling(String key, Decision decision, Instant effectiveAt, UUID sessionEventId) {

    public Ruling {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }
}
