package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.api.AdherenceView;
import org.physiorun.progress.api.AthleteSummary;
import org.physiorun.progress.api.CapacityCheckView;
import org.physiorun.progress.api.ReviewFlagView;
import org.physiorun.progress.api.SessionView;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.Adherence;
import org.physiorun.progress.domain.CapacityCheck;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.Prescription;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteScope;
import org.physiorun.progress.repository.DecisionRecord;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.ProgressRepository.ActiveAthlete;
import org.physiorun.progress.repository.ReviewFlagRecord;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What runners and physiotherapists read: the capacity check, the sessions, the events emitted, the athletes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final AthleteTimelines timelines;
    private final AdherenceService adherence;
    private final ProgressConfig config;
    private final ObjectMapper json;

    ProgressQueries(ProgressRepository repository, GatePlans gatePlans, AthleteTimelines timelines,
                    AdherenceService adherence, ProgressConfig config, ObjectMapper json) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.timelines = timelines;
        this.adherence = adherence;
        this.config = config;
        this.json = json;
    }

    /** The capacity check of the athlete's active plan; empty when the scope holds no active plan. */
    public Optional<CapacityCheckView> capacityCheck(AthleteScope scope, Instant now) {
        return repository.activePlan(scope).map(plan -> {
            CapacityCheck check = timelines.current(plan, now).check();
            return new CapacityCheckView(plan.athleteId, plan.planId, check.phase(), check.day(), check.sprintLevel(),
                    check.returnToRunCleared(), check.nextGate(),
                    flags(List.of(plan.planId)).getOrDefault(plan.planId, List.of()));
        });
    }

    /**
     * Every athlete with an active plan in the clinic, with their latest alerts and review flags (a
     * physiotherapist's overview).
     */
    public List<AthleteSummary> athletes(String clinicId, Instant now) {
        List<ActiveAthlete> athletes = repository.activeAthletes(clinicId);
        Map<UUID, AthletePlan> plans = new HashMap<>();
        athletes.forEach(athlete -> plans.put(athlete.plan().planId, athlete.plan()));
        Map<UUID, List<AthleteSummary.Alert>> alerts = new HashMap<>();
        for (DecisionRecord alert : repository.alerts(plans.keySet(), 5)) {
            alerts.computeIfAbsent(alert.planId, id -> new ArrayList<>()).add(new AthleteSummary.Alert(
                    alert.type, alert.decidedAt, summary(read(alert.event), gatePlans.of(plans.get(alert.planId)))));
        }
        Map<UUID, List<ReviewFlagView>> flags = flags(plans.keySet());
        Map<UUID, Adherence.Tally> weeks = adherence.lastSevenDays(plans.values(), now);
        return athletes.stream().map(athlete -> {
            AthletePlan plan = athlete.plan();
            Adherence.Tally week = weeks.get(plan.planId);
            return new AthleteSummary(plan.athleteId, plan.planId, athlete.progress().phase,
                    athlete.progress().sprintLevel, athlete.progress().cleared, athlete.lastSessionAt(),
                    alerts.getOrDefault(plan.planId, List.of()), flags.getOrDefault(plan.planId, List.of()),
                    AdherenceView.TallyView.of(week),
                    week.percent() != null && week.percent() < config.adherenceLowBelow());
        }).toList();
    }

    private Map<UUID, List<ReviewFlagView>> flags(Collection<UUID> planIds) {
        Map<UUID, List<ReviewFlagView>> flags = new HashMap<>();
        for (ReviewFlagRecord flag : repository.flagsOf(planIds)) {
            flags.computeIfAbsent(flag.id.planId(), id -> new ArrayList<>())
                    .add(new ReviewFlagView(flag.flaggedAt, flag.effectiveAt, flag.message));
        }
        return flags;
    }

    /** One line a physiotherapist reads at a glance, with the exercise's name as the plan gives it. */
    private static String summary(JsonNode event, GatePlan plan) {
        JsonNode data = event.path("data");
        String exercise = data.path("exercise").asText();
        return data.has("pain")
                ? "Pain " + data.path("pain").asInt() + "/10 in " + plan.prescription(exercise).map(Prescription::name).orElse(exercise)
                : "Back to phase " + data.path("toPhase").asInt() + ": " + data.path("reason").asText();
    }

    /** The sessions of the athlete's active plan, newest first; empty when the scope holds no active plan. */
    public Optional<List<SessionView>> sessions(AthleteScope scope) {
        return repository.activePlan(scope).map(plan -> repository.sessionsNewestFirst(plan.planId).stream()
                .map(ProgressQueries::view).toList());
    }

    /** The events of the athlete's plans in the scope, oldest first; empty when the scope holds nothing at all. */
    public Optional<List<JsonNode>> events(AthleteScope scope) {
        Optional<AthletePlan> known = repository.activePlan(scope);
        List<String> events = repository.eventsOldestFirst(scope);
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
                s.tightness, s.notes, s.phase, s.outOfPhase, s.atDose, s.painFree, s.notCountedBecause == null,
                s.notCountedBecause, s.explanation, s.enteredBy, s.loggedAt);
    }
}
