package org.physiorun.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes in a batch of sessions in one transaction: each new session is checked against the athlete's plan, every
 * athlete it touched is brought up to date once, and the sessions are stored with what they meant. A session seen
 * before changes nothing.
 */
@ApplicationScoped
@Transactional
public class SessionIngest {

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final AthleteTimelines timelines;
    private final ProgressConfig config;

    SessionIngest(ProgressRepository repository, GatePlans gatePlans, AthleteTimelines timelines,
                  ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.timelines = timelines;
        this.config = config;
    }

    /** A session that cannot be counted: its position in the batch and why, for the dead-letter topic. */
    public record Rejection(int index, String reason) {
    }

    /** @return the sessions that cannot be counted */
    public List<Rejection> ingest(List<LoggedSession> sessions, Instant now) {
        Set<String> athletes = sessions.stream().map(s -> s.event().athleteId()).collect(Collectors.toSet());
        Map<String, AthletePlan> plans = repository.activePlans(athletes).stream()
                .collect(Collectors.toMap(p -> p.athleteId, Function.identity()));
        Map<UUID, AthleteProgress> progress = repository.lockProgress(plans.values().stream().map(p -> p.planId).toList())
                .stream().collect(Collectors.toMap(p -> p.planId, Function.identity()));
        Set<UUID> seen = new HashSet<>(repository.existingSessions(
                sessions.stream().map(s -> s.event().eventId()).toList()));
        Map<UUID, AthleteProgress> touched = new LinkedHashMap<>();
        Map<UUID, List<SessionRecord>> added = new HashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            LoggedSession logged = sessions.get(i);
            SessionEvent session = logged.event();
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
            // A producer's clock may run ahead of ours: a session is never logged later than we received it.
            Instant loggedAt = logged.loggedAt().isAfter(now) ? now : logged.loggedAt();
            added.computeIfAbsent(plan.planId, id -> new ArrayList<>())
                    .add(SessionRecord.of(session, plan.planId, session.toLog(loggedAt, logged.enteredBy()), now));
            AthleteProgress athlete = progress.get(plan.planId);
            athlete.sessionsStored++;
            touched.put(plan.planId, athlete);
        }
        timelines.update(touched.values(), added, now);
        // Stored once judged: one insert per session, sent to the database as one batch.
        added.values().forEach(records -> records.forEach(repository::persist));
        repository.flush();
        return rejections;
    }
}
