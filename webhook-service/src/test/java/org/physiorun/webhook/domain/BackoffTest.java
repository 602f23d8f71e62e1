package org.physiorun.webhook.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static Backoff backoff(double draw) {
        return new Backoff(new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return draw;
            }
        });
    }

    @Test
    void theFirstRetryComesWithinTenSecondsWhateverTheJitter() {
        assertThat(backoff(0).after(1)).get().matches(d -> d.compareTo(Duration.ofSeconds(10)) <= 0);
        assertThat(backoff(0.999).after(1)).get().matches(d -> d.compareTo(Duration.ofSeconds(10)) <= 0);
    }

    @Test
    void eachWaitIsLongerThanTheOneBefore() {
        Backoff longest = backoff(0);
        Backoff shortest = backoff(0.999);
        for (int attempt = 2; attempt <= Backoff.WAITS.size(); attempt++) {
            // even the next wait at its shortest is longer than this one at its longest
            assertThat(shortest.after(attempt).orElseThrow()).isGreaterThan(longest.after(attempt - 1).orElseThrow());
        }
    }

    @Test
    void theRetriesCoverCloseToThreeDaysAndNoMore() {
        Duration atMost = total(backoff(0));
        Duration atLeast = total(backoff(0.999));
        assertThat(atMost).isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(atLeast).isGreaterThan(Duration.ofDays(2));
    }

    @Test
    void afterTheLastRetryThereIsNoOther() {
        Backoff backoff = new Backoff(new Random(1));
        assertThat(backoff.after(Backoff.WAITS.size())).isPresent();
        assertThat(backoff.after(Backoff.WAITS.size() + 1)).isEmpty();
    }

    @Test
    void jitterSpreadsTheRetriesOfDeliveriesThatFailedTogether() {
        Backoff backoff = new Backoff(new Random(7));
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.after(3).orElseThrow()).distinct())
                .hasSizeGreaterThan(10);
    }

    private static Duration total(Backoff backoff) {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= Backoff.WAITS.size(); attempt++) {
            total = total.plus(backoff.after(attempt).orElseThrow());
        }
        return total;
    }
}
