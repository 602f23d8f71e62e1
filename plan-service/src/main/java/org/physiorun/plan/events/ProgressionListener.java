package org.physiorun.plan.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.physiorun.plan.service.PhaseChange;
import org.physiorun.plan.service.PlanProgress;
import org.physiorun.support.messaging.ConsumerRetry;
import org.physiorun.support.messaging.RecordFault;
import org.physiorun.support.messaging.SkippedRecords;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Follows progress-service's decisions: a phase advanced or regressed moves the plan's current phase, which
 * decides what the schedule shows. Each CloudEvent id is applied at most once, so a redelivery changes
 * nothing. A record that cannot be applied (unreadable, an unknown plan, a phase the protocol lacks) is
 * logged and acknowledged: one bad record must not stop the topic for everyone behind it.
 */
@ApplicationScoped
public class ProgressionListener {

    private static final Logger LOG = Logger.getLogger(ProgressionListener.class);
    private static final Set<String> PHASE_CHANGES = Set.of(
            "physiorun.progression.phase-advanced", "physiorun.progression.phase-regressed");
    /** The width of processed_event.event_id. */
    private static final int MAX_ID_LENGTH = 255;

    private final ObjectMapper json;
    private final PlanProgress progress;

    ProgressionListener(ObjectMapper json, PlanProgress progress) {
        this.json = json;
        this.progress = progress;
    }

    // The database away: try again until it is back (applying is idempotent by event id).
    @Incoming("progression-events")
    @Blocking
    @ApplyGuard(ConsumerRetry.GUARD)
    public void on(String value) {
        try {
            read(value).ifPresent(progress::follow);
        } catch (RuntimeException e) {
            LOG.warnf("Skipped a progression record the database cannot store (%s): %s",
                    RecordFault.reasonOrRethrow(e), SkippedRecords.excerpt(value));
        }
    }

    /** The phase change the record asks for; empty for other event types and for records that make no sense. */
    private Optional<PhaseChange> read(String value) {
        if (value == null) {
            LOG.warn("Skipped an empty progression record");
            return Optional.empty();
        }
        try {
            JsonNode event = json.readTree(value);
            String type = event.path("type").asText();
            if (!PHASE_CHANGES.contains(type)) {
                return Optional.empty();
            }
            String id = event.path("id").asText();
            JsonNode data = event.path("data");
            if (id.isBlank() || id.length() > MAX_ID_LENGTH || !data.path("planId").isTextual()
                    || !data.path("fromPhase").canConvertToInt() || !data.path("toPhase").canConvertToInt()) {
                LOG.warnf("Skipped a %s event without id, data.planId, data.fromPhase or data.toPhase: %s", type,
                        SkippedRecords.excerpt(value));
                return Optional.empty();
            }
            return Optional.of(new PhaseChange(id, type, UUID.fromString(data.path("planId").asText()),
                    data.path("fromPhase").asInt(), data.path("toPhase").asInt()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("Skipped an unreadable progression record (%s): %s", e.getMessage(), SkippedRecords.excerpt(value));
            return Optional.empty();
        }
    }
}
