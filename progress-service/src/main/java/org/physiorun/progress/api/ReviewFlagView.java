package org.physiorun.progress.api;

import java.time.Instant;

/** A published decision that later-logged sessions would not have allowed: it stands, for a physiotherapist to review. */
public record ReviewFlagView(Instant flaggedAt, Instant effectiveAt, String message) {
}
