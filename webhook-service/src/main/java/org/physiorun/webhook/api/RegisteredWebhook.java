package org.physiorun.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a registration: the endpoint and its signing secret, shown here only (keep it where the receiver
 * can read it).
 */
public record RegisteredWebhook(UUID id, String url, List<String> eventTypes, String description, boolean enabled,
                                Instant createdAt, String secret) {
}
