package org.physiorun.webhook.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptTest {

    /** No jitter: the schedule's own waits. */
    private final Backoff backoff = new Backoff(new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    });

    @Test
    void anyTwoHundredDeliversFourTenDisablesAndTheRestIsRetriedUntilTheScheduleRunsOut() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(Attempt.answered(204).judge(0, now, backoff))
                .isEqualTo(new Attempt.Verdict(DeliveryStatus.DELIVERED, null, false));
        assertThat(Attempt.answered(410).judge(0, now, backoff))
                .isEqualTo(new Attempt.Verdict(DeliveryStatus.FAILED, null, true));
        assertThat(Attempt.answered(500).judge(0, now, backoff))
                .isEqualTo(new Attempt.Verdict(DeliveryStatus.PENDING, now.plus(Backoff.WAITS.get(0)), false));
        assertThat(Attempt.unanswered("no answer").judge(1, now, backoff).nextAttemptAt())
                .isEqualTo(now.plus(Backoff.WAITS.get(1)));
        assertThat(Attempt.answered(500).judge(Backoff.WAITS.size(), now, backoff))
                .isEqualTo(new Attempt.Verdict(DeliveryStatus.FAILED, null, false));
    }

}
