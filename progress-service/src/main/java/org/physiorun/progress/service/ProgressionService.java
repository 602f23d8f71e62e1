package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.outbox.CloudEvent;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.Decision;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.Outcome;
import org.physiorun.progress.domain.ProgressState;
import org.physiorun.progress.domain.ProgressionRules;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.messaging.PlanEvents.PlanClosed;
import org.physiorun.progress.messaging.PlanEvents.PlanCreated;
import org.physiorun.progress.messaging.ProgressionEventData;
import org.physiorun.progress.messaging.SessionEvent;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts sessions and moves athletes through the gates. Each decision is stored with the state change that
 * caused it, under a key that makes a second identical decision impossible, and announced from the outbox.
 */
@ApplicationScoped
@Transactional
public class ProgressionService {

    private static final Logger LOG = Logger.getLogger(ProgressionService.class);
    private static final String SOURCE = "/progress-service";

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final ProgressionAnnouncer announcer;
    private final ObjectMapper json;
    private final ProgressConfig config;

    ProgressionService(ProgressRepository repository, GatePlans gatePlans, ProgressionAnnouncer announcer,
                       ObjectMapper json, ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.announcer = announcer;
        this.json = json;
        this.config = config;
    }

    /** A session that cannot be counted: its position in the batch and why, for the dead-letter topic. */
    public record Rejection(int index, String reason) {
    }

    /**
     * Counts a batch of sessions in order. A session seen before (same eventId) changes nothing.
     *
     * @return the sessions that cannot be counted
     */
    public List<Rejection> ingest(List<SessionEvent> sessions, Instant now) {
        Set<String> athletes = sessions.stream().map(SessionEvent::athleteId).collect(Collectors.toSet());
        Map<String, AthletePlan> plans = repository.activePlans(athletes).stream()
                .collect(Collectors.toMap(p -> p.athleteId, Function.identity()));
        Map<UUID, AthleteProgress> progress = repository.lockProgress(plans.values().stream().map(p -> p.planId).toList())
                .stream().collect(Collectors.toMap(p -> p.planId, Function.identity()));
        Set<UUID> seen = new HashSet<>(repository.existingSessions(sessions.stream().map(SessionEvent::eventId).toList()));
        Map<UUID, List<SessionLog>> histories = histories(progress.keySet());

        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionEvent session = sessions.get(i);
            if (!seen.add(session.eventId())) {
                continue;
            }
            AthletePlan plan = plans.get(session.athleteId());
            if (plan == null) {
                rejections.add(new Rejection(i, "no-active-plan: athlete '" + session.athleteId() + "' has no active plan"));
                continue;
            }
            GatePlan gates = gatePlans.of(plan);
            Optional<SessionChecks.Refusal> refusal = SessionChecks.against(session, gates, now, config.clockSkew());
            if (refusal.isPresent()) {
                rejections.add(new Rejection(i, "invalid: " + refusal.get().field() + " " + refusal.get().message()));
                continue;
            }
            count(session, plan, gates, progress.get(plan.planId), histories.get(plan.planId), now);
        }
        return rejections;
    }

    /** The scheduled re-evaluation: opens gates whose last missing criterion was the day. */
    public void reevaluate(Collection<UUID> planIds, Instant now) {
        List<AthleteProgress> locked = repository.lockProgress(planIds);
        Map<UUID, List<SessionLog>> histories = histories(planIds);
        for (AthleteProgress progress : locked) {
            repository.plan(progress.planId).filter(plan -> plan.active).ifPresent(plan -> {
                GatePlan gates = gatePlans.of(plan);
                Outcome outcome = new ProgressionRules(gates).onClock(progress.state(), histories.get(plan.planId), now);
                apply(plan, gates, progress, outcome, null, now, now);
            });
        }
    }

    public void planCreated(UUID eventId, PlanCreated created, Instant now) {
        if (!repository.firstDelivery(eventId, now) || repository.plan(created.planId()).isPresent()) {
            return;
        }
        GatePlan gates = created.toGatePlan(); // refuses a plan whose gates do not hold together
        repository.activePlans(List.of(created.athleteId())).forEach(previous -> close(previous, now));
        repository.flush();
        AthletePlan plan = new AthletePlan();
        plan.planId = created.planId();
        plan.athleteId = created.athleteId();
        plan.gatePlan = write(created);
        plan.active = true;
        plan.createdAt = created.createdAt() == null ? now : created.createdAt();
        repository.persist(plan);

        AthleteProgress progress = new AthleteProgress();
        progress.planId = plan.planId;
        progress.athleteId = plan.athleteId;
        // Day 1 is the injury date: every session from its first moment counts toward phase 1.
        Instant programmeStart = gates.injuryDate().atStartOfDay(gates.timeZone()).toInstant().minusMillis(1);
        progress.moveTo(ProgressState.start(programmeStart), now);
        // With no session yet, time alone opens nothing; the first gate's day is worth a look only if ahead.
        progress.nextCheckAt = gates.earliestDayAfter(1, now).orElse(null);
        repository.persist(progress);
    }

    public void planClosed(UUID eventId, PlanClosed closed, Instant now) {
        if (!repository.firstDelivery(eventId, now)) {
            return;
        }
        repository.plan(closed.planId()).filter(plan -> plan.active).ifPresentOrElse(
                plan -> close(plan, closed.closedAt() == null ? now : closed.closedAt()),
                () -> LOG.infof("plan-closed for plan %s, which is not active here: nothing to do", closed.planId()));
    }

    private void close(AthletePlan plan, Instant at) {
        plan.active = false;
        plan.closedAt = at;
    }

    private Map<UUID, List<SessionLog>> histories(Collection<UUID> planIds) {
        Map<UUID, List<SessionLog>> histories = new HashMap<>();
        planIds.forEach(id -> histories.put(id, new ArrayList<>()));
        for (SessionRecord record : repository.sessionsInCurrentPhase(planIds)) {
            histories.get(record.planId).add(record.toLog());
        }
        return histories;
    }

    private void count(SessionEvent session, AthletePlan plan, GatePlan gates, AthleteProgress progress,
                       List<SessionLog> history, Instant now) {
        ProgressState state = progress.state();
        SessionLog log = new SessionLog(session.eventId(), session.exercise(), session.performedAt(), session.sets(),
                session.reps(), session.holdSeconds(), session.distanceMetres(), session.efforts(),
                session.intensityPercent(), session.painDuring(), session.painAfter(), session.fullRange(),
                session.tightness(), state.phase(), gates.isOutOfPhase(session.exercise(), state.phase()));
        repository.persist(record(session, plan, log, gates, now));
        history.add(log);
        // Gates are judged as of the session's own time, so a journey logged late is judged as it happened.
        Instant asOf = session.performedAt().isAfter(state.phaseSince()) ? session.performedAt() : state.phaseSince();
        Outcome outcome = new ProgressionRules(gates).onSession(state, log, history, asOf);
        apply(plan, gates, progress, outcome, session.eventId(), asOf, now);
        if (session.performedAt().isAfter(now)) {
            // a session dated a little ahead counts once its time has come: the clock looks again then
            progress.nextCheckAt = progress.nextCheckAt == null || session.performedAt().isBefore(progress.nextCheckAt)
                    ? session.performedAt() : progress.nextCheckAt;
        }
        if (outcome.state().phase() != state.phase()) {
            // only sessions of the new stint can count from here on
            history.removeIf(s -> !s.performedAt().isAfter(outcome.state().phaseSince()));
        }
    }

    private static SessionRecord record(SessionEvent session, AthletePlan plan, SessionLog log, GatePlan gates,
                                        Instant now) {
        SessionRecord record = new SessionRecord();
        record.eventId = session.eventId();
        record.planId = plan.planId;
        record.athleteId = session.athleteId();
        record.exercise = session.exercise();
        record.performedAt = session.performedAt();
        record.sets = session.sets();
        record.reps = session.reps();
        record.holdSeconds = session.holdSeconds();
        record.distanceMetres = session.distanceMetres();
        record.efforts = session.efforts();
        record.intensityPercent = session.intensityPercent();
        record.loadKg = session.loadKg();
        record.painDuring = session.painDuring();
        record.painAfter = session.painAfter();
        record.fullRange = session.fullRange();
        record.tightness = session.tightness();
        record.notes = session.notes();
        record.phaseAtLogging = log.phaseAtLogging();
        record.outOfPhase = log.outOfPhase();
        record.atDose = gates.atDose(log);
        record.painFree = gates.painFree(log);
        record.receivedAt = now;
        return record;
    }

    private void apply(AthletePlan plan, GatePlan gates, AthleteProgress progress, Outcome outcome,
                       UUID sessionEventId, Instant asOf, Instant now) {
        for (Decision decision : outcome.decisions()) {
            if (decision instanceof Decision.PhaseRegressed) {
                progress.regressions++;
            }
            String key = decisionKey(plan.planId, decision, progress.regressions, sessionEventId);
            // Derived from the key: the same decision can only ever have this one id.
            UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
            CloudEvent<ProgressionEventData> event = CloudEvent.of(id, SOURCE, decision.eventType(), plan.athleteId,
                    now, data(plan, decision, sessionEventId, now));
            if (repository.storeDecision(id, key, plan.planId, plan.athleteId, decision.eventType(), sessionEventId,
                    now, write(event))) {
                announcer.announce(event);
            }
        }
        if (!outcome.state().equals(progress.state())) {
            progress.moveTo(outcome.state(), now);
        }
        progress.nextCheckAt = gates.earliestDayAfter(progress.phase, asOf).orElse(null);
    }

    /** What was decided, for which plan, and at which point of it (how many regressions came before). */
    static String decisionKey(UUID planId, Decision decision, int regressions, UUID sessionEventId) {
        String what;
        if (decision instanceof Decision.PhaseAdvanced d) {
            what = "phase-advanced/" + d.fromPhase() + "-" + d.toPhase();
        } else if (decision instanceof Decision.PhaseRegressed d) {
            what = "phase-regressed/" + d.fromPhase() + "-" + d.toPhase();
        } else if (decision instanceof Decision.SprintLevelAdvanced d) {
            what = "sprint-level-advanced/" + d.fromLevel() + "-" + d.toLevel();
        } else if (decision instanceof Decision.ReturnToRunCleared) {
            what = "return-to-run-cleared";
        } else {
            // every session above the ceiling is its own alert
            return planId + "/pain-ceiling-exceeded/" + sessionEventId;
        }
        return planId + "/" + what + "/after-" + regressions + "-regressions";
    }

    private static ProgressionEventData data(AthletePlan plan, Decision decision, UUID sessionEventId, Instant now) {
        Integer fromPhase = null;
        Integer toPhase = null;
        String reason = null;
        Integer fromLevel = null;
        Integer toLevel = null;
        Integer pain = null;
        String exercise = null;
        if (decision instanceof Decision.PhaseAdvanced d) {
            fromPhase = d.fromPhase();
            toPhase = d.toPhase();
        } else if (decision instanceof Decision.PhaseRegressed d) {
            fromPhase = d.fromPhase();
            toPhase = d.toPhase();
            reason = d.reason();
        } else if (decision instanceof Decision.SprintLevelAdvanced d) {
            fromLevel = d.fromLevel();
            toLevel = d.toLevel();
        } else if (decision instanceof Decision.PainCeilingExceeded d) {
            pain = d.pain();
            exercise = d.exercise();
        }
        return new ProgressionEventData(plan.athleteId, plan.planId, decision.criteria(), sessionEventId, now,
                fromPhase, toPhase, reason, fromLevel, toLevel, pain, exercise);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
