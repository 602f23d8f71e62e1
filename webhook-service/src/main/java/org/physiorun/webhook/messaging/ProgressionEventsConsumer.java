package org.physiorun.webhook.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.physiorun.support.messaging.ConsumerRetry;
import org.physiorun.support.messaging.RecordFault;
import org.physiorun.support.messaging.SkippedRecords;
import org.physiorun.webhook.events.ProgressionEvent;
import org.physiorun.webhook.service.DeliveryIntake;

import java.util.Optional;

/**
 * Reads {@code progression-events} in webhook-service's own consumer group and hands each event to
 * {@link DeliveryIntake}, which makes it a delivery for each endpoint of the athlete's clinic. A record that cannot be
 * read is logged and acknowledged: one bad record must not stop the topic for everyone behind it.
 */
@ApplicationScoped
public class ProgressionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ProgressionEventsConsumer.class);
    /** The width of the event and athlete id columns. */
    private static final int MAX_ID_LENGTH = 255;

    private final ObjectMapper json;
    private final DeliveryIntake intake;

    ProgressionEventsConsumer(ObjectMapper json, DeliveryIntake intake) {
        this.json = json;
        this.intake = intake;
    }

    // The database away: try again until it is back (taking an event in is idempotent by its id).
    @Incoming("progression-events")
    @Blocking
    @ApplyGuard(ConsumerRetry.GUARD)
    public void on(String value) {
        try {
            read(value).ifPresent(intake::takeIn);
        } catch (RuntimeException e) {
            LOG.warnf("Skipped a progression record the database cannot store (%s): %s",
                    RecordFault.reasonOrRethrow(e), SkippedRecords.excerpt(value));
        }
    }

    private Optional<ProgressionEvent> read(String value) {
        if (value == null) {
            LOG.warn("Skipped an empty progression record");
            return Optional.empty();
        }
        try {
            JsonNode event = json.readTree(value);
            String id = event.path("id").asText();
            String type = event.path("type").asText();
            JsonNode data = event.path("data");
            String athleteId = data.path("athleteId").isTextual() ? data.path("athleteId").asText()
                    : event.path("subject").asText();
            if (id.isBlank() || type.isBlank() || athleteId.isBlank() || id.length() > MAX_ID_LENGTH
                    || type.length() > MAX_ID_LENGTH || athleteId.length() > MAX_ID_LENGTH) {
                LOG.warnf("Skipped a progression event without id, type or athlete: %s", SkippedRecords.excerpt(value));
                return Optional.empty();
            }
            String clinicId = data.path("clinicId").isTextual() ? data.path("clinicId").asText() : null;
            return Optional.of(new ProgressionEvent(id, type, athleteId, clinicId, value));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipped an unreadable progression record (%s): %s", e.getMessage(), SkippedRecords.excerpt(value));
            return Optional.empty();
        }
    }
}
