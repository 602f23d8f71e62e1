package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.api.AthleteSummary;
import org.physiorun.progress.api.CapacityCheckView;
import org.physiorun.progress.api.SessionView;
import org.physiorun.progress.domain.CapacityCheck;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.Prescription;
import org.physiorun.progress.domain.ProgressionRules;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

/** What runners and physiotherapists read: the capacity check, the sessions counted, the events emitted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final ObjectMapper json;

    ProgressQueries(ProgressRepository repository, GatePlans gatePlans, ObjectMapper json) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.json = json;
    }

    public Optional<CapacityCheckView> capacityCheck(String athleteId, Instant now) {
        return repository.activePlan(athleteId).flatMap(plan -> repository.progress(plan.planId).map(progress -> {
            List<SessionRecord> sessions = repository.sessionsInCurrentPhase(List.of(plan.planId));
            CapacityCheck check = new ProgressionRules(gatePlans.of(plan))
                    .check(progress.state(), sessions.stream().map(SessionRecord::toLog).toList(), now);
            return new CapacityCheckView(athleteId, plan.planId, check.phase(), check.day(), check.sprintLevel(),
                    check.returnToRunCleared(), check.nextGate());
        }));
    }

    /** Every athlete with an active plan, with their latest alerts (a physiotherapist's overview). */
    public List<AthleteSummary> athletes() {
        List<Object[]> rows = repository.activeAthletes();
        Map<UUID, AthletePlan> plans = new HashMap<>();
        rows.forEach(row -> plans.put(((AthletePlan) row[0]).planId, (AthletePlan) row[0]));
        Map<UUID, List<AthleteSummary.Alert>> alerts = new HashMap<>();
        for (Object[] alert : repository.alerts(plans.keySet(), 5)) {
            UUID planId = (UUID) alert[0];
            alerts.computeIfAbsent(planId, id -> new ArrayList<>()).add(new AthleteSummary.Alert(
                    (String) alert[1], toInstant(alert[2]), summary(read((String) alert[3]), gatePlans.of(plans.get(planId)))));
        }
        return rows.stream().map(row -> {
            AthletePlan plan = (AthletePlan) row[0];
            AthleteProgress progress = (AthleteProgress) row[1];
            return new AthleteSummary(plan.athleteId, plan.planId, progress.phase, progress.sprintLevel,
                    progress.cleared, (Instant) row[2], alerts.getOrDefault(plan.planId, List.of()));
        }).toList();
    }

    /** One line a physiotherapist reads at a glance, with the exercise's name as the plan gives it. */
    private static String summary(JsonNode event, GatePlan plan) {
        JsonNode data = event.path("data");
        String exercise = data.path("exercise").asText();
        return data.has("pain")
                ? "Pain " + data.path("pain").asInt() + "/10 in " + plan.prescription(exercise).map(Prescription::name).orElse(exercise)
                : "Back to phase " + data.path("toPhase").asInt() + ": " + data.path("reason").asText();
    }

    private static Instant toInstant(Object value) {
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    /** The sessions of the athlete's active plan, newest first; empty when the athlete has no active plan. */
    public Optional<List<SessionView>> sessions(String athleteId) {
        return repository.activePlan(athleteId).map(plan -> repository.sessionsNewestFirst(plan.planId).stream()
                .map(ProgressQueries::view).toList());
    }

    public Optional<List<JsonNode>> events(String athleteId) {
        Optional<AthletePlan> known = repository.activePlan(athleteId);
        List<String> events = repository.eventsOldestFirst(athleteId);
        if (known.isEmpty() && events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(events.stream().map(this::read).toList());
    }

    private JsonNode read(String event) {
        try {
            return json.readTree(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event cannot be read", e);
        }
    }

    private static SessionView view(SessionRecord s) {
        return new SessionView(s.eventId, s.planId, s.exercise, s.performedAt, s.sets, s.reps, s.holdSeconds,
                s.distanceMetres, s.efforts, s.intensityPercent, s.loadKg, s.painDuring, s.painAfter, s.fullRange,
                s.tightness, s.notes, s.phaseAtLogging, s.outOfPhase, s.atDose, s.painFree);
    }
}
