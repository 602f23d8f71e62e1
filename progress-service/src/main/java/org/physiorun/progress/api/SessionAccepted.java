package org.physiorun.progress.api;

import org.physiorun.progress.domain.Advice;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a posted session: it is on {@code session-events} and will be counted from there; {@code advice} is
 * what the runner must be told at once (stop and call the physiotherapist, a session that counts toward nothing).
 */
public record SessionAccepted(UUID eventId, String status, List<Advice> advice) {
}
