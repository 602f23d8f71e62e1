package org.physiorun.plan.service;

import java.util.UUID;

/** A phase-advanced or phase-regressed decision of progress-service, as far as a plan needs it. */
public record PhaseChange(String eventId, String type, UUID planId, int fromPhase, int toPhase) {
}
