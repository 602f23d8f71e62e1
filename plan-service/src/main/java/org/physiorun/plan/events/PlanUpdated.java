package org.physiorun.plan.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.physiorun.plan.api.ReminderTime;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The data of a {@code plan-updated} event: the athlete's own settings as they now stand, both given whichever
 * changed, so that a consumer needs no earlier event to know them. The field names are the interface with its
 * consumers.
 *
 * @param clinicId     the clinic the plan belongs to; null for a plan made before there were identities
 * @param timeZone     the zone in which the athlete's local days are now judged
 * @param reminderTime "HH:mm" in that zone
 */
public record PlanUpdated(UUID planId, String athleteId, String clinicId, String timeZone,
                          @JsonFormat(pattern = ReminderTime.FORMAT) LocalTime reminderTime, Instant updatedAt) {

    public static final String TYPE = "plan-updated";
}
