package org.physiorun.progress.api;

import java.util.UUID;

/** The answer to a posted session: it is on {@code session-events} and will be counted from there. */
public record SessionAccepted(UUID eventId, String status) {
}
