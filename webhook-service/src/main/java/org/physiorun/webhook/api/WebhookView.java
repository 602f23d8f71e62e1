package org.physiorun.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered endpoint as its clinic sees it, without the secret.
 *
 * @param eventTypes the types it receives; empty for every type
 * @param disabledReason why deliveries stopped, when {@code enabled} is false
 */
public record WebhookView(UUID id, String url, List<String> eventTypes, String description, boolean enabled,
                          String disabledReason, Instant createdAt) {
}
