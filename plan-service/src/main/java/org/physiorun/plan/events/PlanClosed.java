package org.physiorun.plan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of a {@code plan-closed} event; the field names are the interface with its consumers.
 *
 * @param clinicId the clinic the plan belonged to; null for a plan made before there were identities
 */
public record PlanClosed(UUID planId, String athleteId, String clinicId, Instant closedAt, String reason) {

    public static final String TYPE = "plan-closed";
}
