package org.physiorun.webhook.api;

import java.time.Instant;

/**
 * One event's delivery to an endpoint.
 *
 * @param status PENDING, DELIVERED or FAILED
 * @param lastStatusCode the endpoint's last answer; null when none came
 * @param nextAttemptAt when it is tried next; null unless PENDING
 */
public record DeliveryView(String eventId, String type, String athleteId, String status, int attempts,
                           Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
                           Instant deliveredAt) {
}
