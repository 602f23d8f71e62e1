package org.physiorun.progress.api;

import org.physiorun.progress.domain.NextGate;

import java.util.List;
import java.util.UUID;

/**
 * The capacity check: where the athlete stands, what the next gate still asks (null once cleared), and the
 * published decisions flagged for review.
 */
public record CapacityCheckView(String athleteId, UUID planId, int phase, int day, Integer sprintLevel,
                                boolean returnToRunCleared, NextGate nextGate, List<ReviewFlagView> reviewFlags) {
}
