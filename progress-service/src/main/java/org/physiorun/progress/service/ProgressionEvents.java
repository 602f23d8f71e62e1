package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.outbox.CloudEvent;
import org.physiorun.progress.domain.Decision;
import org.physiorun.progress.domain.Ruling;
import org.physiorun.progress.events.ProgressionEventData;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.DecisionRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Turns a decision into the CloudEvent clinic systems read, and a published CloudEvent back into the decision it
 * announced. The event id is derived from the decision's key, so one decision has one id for good.
 */
@ApplicationScoped
public class ProgressionEvents {

    static final String SOURCE = "/progress-service";

    private final ObjectMapper json;

    ProgressionEvents(ObjectMapper json) {
        this.json = json;
    }

    public CloudEvent<ProgressionEventData> event(AthletePlan plan, Ruling ruling, Instant decidedAt) {
        UUID id = UUID.nameUUIDFromBytes(ruling.key().getBytes(StandardCharsets.UTF_8));
        return CloudEvent.of(id, SOURCE, ruling.decision().eventType(), plan.athleteId, decidedAt,
                data(plan, ruling, decidedAt));
    }

    /** The decision a stored event announced, as the rules take it: an anchor of the athlete's timeline. */
    public Ruling ruling(DecisionRecord record) {
        ProgressionEventData d = read(record.event).data();
        List<String> criteria = d.criteria() == null ? List.of() : d.criteria();
        Decision decision = switch (record.type.substring(Decision.EVENT_TYPE_PREFIX.length())) {
            case "phase-advanced" -> new Decision.PhaseAdvanced(d.fromPhase(), d.toPhase(), criteria);
            case "phase-regressed" -> new Decision.PhaseRegressed(d.fromPhase(), d.toPhase(), d.reason(),
                    Boolean.TRUE.equals(d.clearanceRevoked()), criteria);
            case "sprint-level-advanced" -> new Decision.SprintLevelAdvanced(d.fromLevel(), d.toLevel(), criteria);
            case "return-to-run-cleared" -> new Decision.ReturnToRunCleared(criteria);
            case "pain-ceiling-exceeded" -> new Decision.PainCeilingExceeded(d.pain(), d.exercise(), criteria);
            case "adherence-low" -> new Decision.AdherenceLow(d.percent(), d.missed(), d.weekStart(), criteria);
            default -> throw new IllegalStateException("A stored decision has an unknown type " + record.type);
        };
        return new Ruling(record.key, decision, record.effectiveAt, record.sessionEventId);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private CloudEvent<ProgressionEventData> read(String event) {
        try {
            return json.readValue(event, json.getTypeFactory().constructParametricType(CloudEvent.class,
                    ProgressionEventData.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event cannot be read", e);
        }
    }

    private static ProgressionEventData data(AthletePlan plan, Ruling ruling, Instant decidedAt) {
        Decision decision = ruling.decision();
        Integer fromPhase = null;
        Integer toPhase = null;
        String reason = null;
        Boolean clearanceRevoked = null;
        Integer fromLevel = null;
        Integer toLevel = null;
        Integer pain = null;
        String exercise = null;
        Integer percent = null;
        List<String> missed = null;
        LocalDate weekStart = null;
        if (decision instanceof Decision.PhaseAdvanced d) {
            fromPhase = d.fromPhase();
            toPhase = d.toPhase();
        } else if (decision instanceof Decision.PhaseRegressed d) {
            fromPhase = d.fromPhase();
            toPhase = d.toPhase();
            reason = d.reason();
            clearanceRevoked = d.clearanceRevoked() ? Boolean.TRUE : null;
        } else if (decision instanceof Decision.SprintLevelAdvanced d) {
            fromLevel = d.fromLevel();
            toLevel = d.toLevel();
        } else if (decision instanceof Decision.PainCeilingExceeded d) {
            pain = d.pain();
            exercise = d.exercise();
        } else if (decision instanceof Decision.AdherenceLow d) {
            percent = d.percent();
            missed = d.missed();
            weekStart = d.weekStart();
        }
        return new ProgressionEventData(plan.athleteId, plan.planId, plan.clinicId, decision.criteria(),
                ruling.sessionEventId(), decidedAt, ruling.effectiveAt(), fromPhase, toPhase, reason, clearanceRevoked,
                fromLevel, toLevel, pain, exercise, percent, missed, weekStart);
    }
}
