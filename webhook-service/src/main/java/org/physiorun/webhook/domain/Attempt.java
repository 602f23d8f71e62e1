package org.physiorun.webhook.domain;

import java.time.Instant;

/**
 * One attempt's answer and what it means for the delivery: any 2xx delivers it; 410 Gone fails it and disables the
 * endpoint, whose receiver is gone for good; anything else, no answer or a timeout included, is tried again on the
 * {@link Backoff} schedule until that runs out, and then the delivery has FAILED.
 *
 * @param statusCode the endpoint's answer, or null when none came (refused, unreachable, timed out)
 * @param error what went wrong, for the clinic's delivery log; null when delivered
 */
public record Attempt(Integer statusCode, String error) {

    private static final int GONE = 410;

    /**
     * The delivery after the attempt.
     *
     * @param nextAttemptAt when it is tried again; null unless PENDING
     * @param endpointGone the endpoint is to be disabled
     */
    public record Verdict(DeliveryStatus status, Instant nextAttemptAt, boolean endpointGone) {
    }

    public static Attempt answered(int statusCode) {
        return new Attempt(statusCode, statusCode / 100 == 2 ? null : "answered " + statusCode);
    }

    public static Attempt unanswered(String error) {
        return new Attempt(null, error);
    }

    /** The verdict on this attempt, the {@code attemptsBefore + 1}-th, made at {@code now}. */
    public Verdict judge(int attemptsBefore, Instant now, Backoff backoff) {
        if (statusCode != null && statusCode / 100 == 2) {
            return new Verdict(DeliveryStatus.DELIVERED, null, false);
        }
        if (statusCode != null && statusCode == GONE) {
            return new Verdict(DeliveryStatus.FAILED, null, true);
        }
        return backoff.after(attemptsBefore + 1)
                .map(wait -> new Verdict(DeliveryStatus.PENDING, now.plus(wait), false))
                .orElseGet(() -> new Verdict(DeliveryStatus.FAILED, null, false));
    }
}
