package org.physiorun.webhook.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the waits after the first, second, ... failed attempt, each growing, that
 * add up to a little under three days; after the last one fails the delivery is FAILED. Each wait is shortened by a
 * random part of up to a fifth (jitter), so that the deliveries an endpoint's outage held back do not all come back
 * at the same moment.
 */
public final class Backoff {

    /** The schedule, in one place: the first retry comes within 10 s, the last some 70 hours after the first try. */
    public static final List<Duration> WAITS = List.of(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(18), Duration.ofHours(24));
    private static final double MAX_JITTER = 0.2;

    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The wait after {@code failedAttempts} failed attempts, or empty when the delivery has had them all. */
    public Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > WAITS.size()) {
            return Optional.empty();
        }
        Duration wait = WAITS.get(failedAttempts - 1);
        long millis = wait.toMillis();
        return Optional.of(Duration.ofMillis(millis - (long) (millis * MAX_JITTER * random.nextDouble())));
    }
}
