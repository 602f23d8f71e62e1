package org.physiorun.progress.domain;

/** The capacity check: where the athlete is, and the next gate with each criterion's progress (null once cleared). */
public record CapacityCheck(int phase, int day, Integer sprintLevel, boolean returnToRunCleared, NextGate nextGate) {
}
