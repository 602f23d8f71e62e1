package org.physiorun.progress.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A logged session and what it meant at its place in the plan: the phase the athlete was in, whether it was out of
 * phase, at dose and pain-free, whether it {@code counted} and, when not, the reason code ({@code notCountedBecause})
 * and the same in words ({@code explanation}); who entered it and when it was first received ({@code loggedAt}).
 */
public record SessionView(UUID eventId, UUID planId, String exercise, Instant performedAt, Integer sets, Integer reps,
                          Integer holdSeconds, Integer distanceMetres, Integer efforts, Integer intensityPercent,
                          BigDecimal loadKg, Integer painDuring, Integer painAfter, Boolean fullRange,
                          Boolean tightness, String notes, int phase, boolean outOfPhase, boolean atDose,
                          boolean painFree, boolean counted, String notCountedBecause, String explanation,
                          String enteredBy, Instant loggedAt) {
}
