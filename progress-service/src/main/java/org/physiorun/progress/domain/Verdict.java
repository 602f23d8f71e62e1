package org.physiorun.progress.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What one session meant, judged at its place in the order of performance: the phase the athlete was in,
 * and whether it counted toward what comes next; when not, the reason code and the same in words.
 */
public record Verdict(UUID eventId, int phase, boolean outOfPhase, boolean atDose, boolean painFree,
                      NotCounted notCountedBecause, String explanation) {

    public Verdict {
        Objects.requireNonNull(eventId, "eventId");
        if ((notCountedBecause == null) != (explanation == null)) {
            throw new IllegalArgumentException("a session that does not count says why, and only then");
        }
    }

    public boolean counted() {
        return notCountedBecause == null;
    }
}
