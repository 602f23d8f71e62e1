package org.physiorun.webhook.repository;

import java.util.UUID;

/** A delivery this sender has claimed, with what sending it takes. */
public record Claim(long seq, UUID token, UUID endpointId, String eventId, String body, int attempts, String url,
                    String secret) {
}
