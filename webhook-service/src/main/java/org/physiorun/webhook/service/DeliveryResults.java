package org.physiorun.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.webhook.domain.Attempt;
import org.physiorun.webhook.domain.Backoff;
import org.physiorun.webhook.domain.DeliveryStatus;
import org.physiorun.webhook.repository.Claim;
import org.physiorun.webhook.repository.DeliveryRepository;
import org.physiorun.webhook.repository.EndpointRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/** Records what an attempt came to: delivered, retried later, failed for good, or the endpoint gone. */
@ApplicationScoped
public class DeliveryResults {

    private static final Logger LOG = Logger.getLogger(DeliveryResults.class);

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final Clock clock;
    private final Backoff backoff = new Backoff(new SecureRandom());

    DeliveryResults(DeliveryRepository deliveries, EndpointRepository endpoints, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Transactional
    public void record(Claim claim, Attempt attempt) {
        Instant now = clock.instant();
        Attempt.Verdict verdict = attempt.judge(claim.attempts(), now, backoff);
        boolean recorded = deliveries.record(claim, verdict.status(), attempt.statusCode(), attempt.error(),
                verdict.nextAttemptAt(), verdict.status() == DeliveryStatus.DELIVERED ? now : null);
        if (recorded && verdict.endpointGone()) {
            endpoints.disable(claim.endpointId(), "answered 410 Gone at " + now);
            LOG.infof("Endpoint %s answered 410 Gone: disabled", claim.endpointId());
        }
        if (!recorded) {
            LOG.warnf("The claim on delivery %d ran out before its result came; another sender has it now",
                    claim.seq());
        }
    }
}
