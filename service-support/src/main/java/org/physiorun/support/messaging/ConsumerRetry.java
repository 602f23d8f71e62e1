package org.physiorun.support.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;

/**
 * How every Kafka consumer of ours handles a failure while applying a record: {@code @ApplyGuard(ConsumerRetry.GUARD)}
 * on the {@code @Incoming} method. Bad records are the consumer's own business (skipped or dead-lettered, including
 * those the database can never store: {@link RecordFault}), so what reaches this retry is the database or the broker
 * being away. It tries the same record again, 1 s after the first
 * failure and doubling up to 10 s apart, for as long as it takes: giving up would nack the record, and the
 * connector's failure strategy would then stop the channel until the service is restarted. Applying a record must
 * therefore be idempotent (every consumer records the event ids it has applied).
 */
@Singleton
public class ConsumerRetry {

    public static final String GUARD = "physiorun-consumer-retry";
    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    @Produces
    @Singleton
    @Identifier(GUARD)
    Guard guard() {
        return Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(1, ChronoUnit.SECONDS)
                .withExponentialBackoff().factor(2).maxDelay(10, ChronoUnit.SECONDS).done()
                .beforeRetry(failure -> LOG.warnf("A record could not be applied, trying it again: %s", failure))
                .done()
                .build();
    }
}
