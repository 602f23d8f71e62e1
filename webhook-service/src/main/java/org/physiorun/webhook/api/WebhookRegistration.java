package org.physiorun.webhook.api;

import java.util.List;

/**
 * The body of POST /api/webhooks.
 *
 * @param eventTypes the progression event types wanted; missing or empty for every type
 */
public record WebhookRegistration(String url, List<String> eventTypes, String description) {
}
