package org.physiorun.plan.events;

import java.time.Instant;
import java.util.UUID;

/** The data of a {@code plan-closed} event; the field names are the interface with its consumers. */
public record PlanClosed(UUID planId, String athleteId, Instant closedAt, String reason) {

    public static final String TYPE = "plan-closed";
}
