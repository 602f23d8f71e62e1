package org.physiorun.progress.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.physiorun.progress.events.PlanEvents.PlanClosed;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.events.PlanEvents.PlanUpdated;
import org.physiorun.progress.events.PlanEvents;
import org.physiorun.progress.service.PlanLifecycle;
import org.physiorun.support.messaging.ConsumerRetry;
import org.physiorun.support.messaging.RecordFault;
import org.physiorun.support.messaging.SkippedRecords;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps each athlete's active plan and gates from {@code plan-events}; an unreadable event, or one the database can
 * never store, is logged and skipped, and one that fails because the database is away is tried again until it is back
 * (each event id is applied once).
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);

    private final PlanLifecycle plans;
    private final ObjectMapper json;

    PlanEventsConsumer(PlanLifecycle plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    @Incoming("plan-events")
    @Blocking
    @ApplyGuard(ConsumerRetry.GUARD)
    public void consume(String value) {
        try {
            JsonNode event = json.readTree(value);
            UUID id = UUID.fromString(event.path("id").asText());
            String type = event.path("type").asText();
            if (PlanEvents.CREATED.equals(type)) {
                plans.planCreated(id, json.treeToValue(event.get("data"), PlanCreated.class), Instant.now());
            } else if (PlanEvents.CLOSED.equals(type)) {
                plans.planClosed(id, json.treeToValue(event.get("data"), PlanClosed.class), Instant.now());
            } else if (PlanEvents.UPDATED.equals(type)) {
                plans.planUpdated(id, json.treeToValue(event.get("data"), PlanUpdated.class), Instant.now());
            }
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Skipped an unreadable plan event (%s): %s", e.getMessage(), SkippedRecords.excerpt(value));
        } catch (RuntimeException e) {
            LOG.warnf("Skipped a plan event the database cannot store (%s): %s", RecordFault.reasonOrRethrow(e),
                    SkippedRecords.excerpt(value));
        }
    }
}
