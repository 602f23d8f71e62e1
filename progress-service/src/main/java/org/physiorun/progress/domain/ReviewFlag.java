package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A published decision that sessions logged after it would not have allowed: it stands, and the
 * physiotherapist is asked to review it (section 4a, rule 10). One flag per decision, under its key.
 */
public record ReviewFlag(String decisionKey, Instant effectiveAt, String message) {

    public ReviewFlag {
        Objects.requireNonNull(decisionKey, "decisionKey");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(message, "message");
    }
}
