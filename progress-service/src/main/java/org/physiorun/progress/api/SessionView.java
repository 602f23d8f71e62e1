package org.physiorun.progress.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A counted session and what it meant: the phase it was logged in, whether it was out of phase, at dose, pain-free. */
public record SessionView(UUID eventId, UUID planId, String exercise, Instant performedAt, Integer sets, Integer reps,
                          Integer holdSeconds, Integer distanceMetres, Integer efforts, Integer intensityPercent,
                          BigDecimal loadKg, Integer painDuring, Integer painAfter, Boolean fullRange,
                          Boolean tightness, String notes, int phase, boolean outOfPhase, boolean atDose,
                          boolean painFree) {
}
