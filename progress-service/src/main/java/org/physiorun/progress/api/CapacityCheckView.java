package org.physiorun.progress.api;

import org.physiorun.progress.domain.NextGate;

import java.util.UUID;

/** The capacity check: where the athlete stands and what the next gate still asks (null once cleared). */
public record CapacityCheckView(String athleteId, UUID planId, int phase, int day, Integer sprintLevel,
                                boolean returnToRunCleared, NextGate nextGate) {
}
