package org.physiorun.webhook.events;

/**
 * A progression CloudEvent read from {@code progression-events}: what routing it takes, and the record's value
 * exactly as published, which is what endpoints receive.
 *
 * @param clinicId the clinic of the athlete's plan; null for a plan that names none, whose events go nowhere
 */
public record ProgressionEvent(String id, String type, String athleteId, String clinicId, String body) {
}
