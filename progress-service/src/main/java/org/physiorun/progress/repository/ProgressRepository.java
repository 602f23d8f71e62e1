package org.physiorun.progress.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The queries of progress-service, batched: one statement serves a whole batch of athletes. */
@ApplicationScoped
public class ProgressRepository {

    private final EntityManager em;

    ProgressRepository(EntityManager em) {
        this.em = em;
    }

    public List<AthletePlan> activePlans(Collection<String> athleteIds) {
        return em.createQuery("FROM AthletePlan WHERE active = TRUE AND athleteId IN :ids", AthletePlan.class)
                .setParameter("ids", athleteIds).getResultList();
    }

    /**
     * What the intake needs of a new session, in one statement: the athlete's active plan, where they stand in it, and
     * whether the session is stored already ({@code progress} is null for a plan whose copy has no progress row yet).
     */
    public record SessionIntakeView(AthletePlan plan, AthleteProgress progress, long storedWithThatId) {

        public boolean alreadyStored() {
            return storedWithThatId > 0;
        }
    }

    /** Empty when the athlete has no active plan. */
    public Optional<SessionIntakeView> sessionIntakeView(String athleteId, UUID eventId) {
        return em.createQuery("SELECT new org.physiorun.progress.repository.ProgressRepository$SessionIntakeView(a, p,"
                        + " (SELECT COUNT(s.eventId) FROM SessionRecord s WHERE s.eventId = :event))"
                        + " FROM AthletePlan a LEFT JOIN AthleteProgress p ON p.planId = a.planId"
                        + " WHERE a.active = TRUE AND a.athleteId = :athlete", SessionIntakeView.class)
                .setParameter("athlete", athleteId).setParameter("event", eventId)
                .getResultList().stream().findFirst();
    }

    public Optional<AthletePlan> activePlan(String athleteId) {
        return activePlans(List.of(athleteId)).stream().findFirst();
    }

    /** The athlete's active plan, if the scope covers it. */
    public Optional<AthletePlan> activePlan(AthleteScope scope) {
        if (!scope.limitedToClinic()) {
            return activePlan(scope.athleteId());
        }
        return em.createQuery("FROM AthletePlan WHERE active = TRUE AND athleteId = :athlete AND clinicId = :clinic",
                        AthletePlan.class)
                .setParameter("athlete", scope.athleteId()).setParameter("clinic", scope.clinicId())
                .getResultList().stream().findFirst();
    }

    /** Whether the athlete has (or had) a plan that belongs to the clinic. */
    public boolean hasPlanInClinic(String athleteId, String clinicId) {
        return !em.createQuery("SELECT a.planId FROM AthletePlan a"
                        + " WHERE a.athleteId = :athlete AND a.clinicId = :clinic", UUID.class)
                .setParameter("athlete", athleteId).setParameter("clinic", clinicId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    public Optional<AthletePlan> plan(UUID planId) {
        return Optional.ofNullable(em.find(AthletePlan.class, planId));
    }

    /** Locks the athletes' progress rows in a fixed order, so that two writers never deadlock. */
    public List<AthleteProgress> lockProgress(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM AthleteProgress WHERE planId IN :ids ORDER BY planId", AthleteProgress.class)
                .setParameter("ids", planIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Optional<AthleteProgress> progress(UUID planId) {
        return Optional.ofNullable(em.find(AthleteProgress.class, planId));
    }

    /** Active plans whose next moment for the clock has come (usually none: see next_check_at). */
    public List<UUID> plansDueForCheck(Instant now) {
        return em.createQuery("SELECT p.planId FROM AthleteProgress p, AthletePlan a WHERE a.planId = p.planId"
                + " AND a.active = TRUE AND p.nextCheckAt <= :now ORDER BY p.planId", UUID.class)
                .setParameter("now", now).getResultList();
    }

    /** Active plans whose daily look at adherence is due. */
    public List<UUID> plansDueForAdherence(Instant now) {
        return em.createQuery("SELECT p.planId FROM AthleteProgress p, AthletePlan a WHERE a.planId = p.planId"
                + " AND a.active = TRUE AND p.nextAdherenceCheckAt <= :now ORDER BY p.planId", UUID.class)
                .setParameter("now", now).getResultList();
    }

    /** The sessions of the plans performed from {@code from} on (adherence looks back a few weeks at most). */
    public List<SessionRecord> sessionsSince(Collection<UUID> planIds, Instant from) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM SessionRecord WHERE planId IN :ids AND performedAt >= :from", SessionRecord.class)
                .setParameter("ids", planIds).setParameter("from", from).getResultList();
    }

    public Set<UUID> existingSessions(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("SELECT s.eventId FROM SessionRecord s WHERE s.eventId IN :ids", UUID.class)
                .setParameter("ids", eventIds).getResultList().stream().collect(Collectors.toSet());
    }

    public boolean sessionExists(UUID eventId) {
        return em.find(SessionRecord.class, eventId) != null;
    }

    /** Every session of the plans: a late one can change what any other meant (the order of performance). */
    public List<SessionRecord> sessionsOf(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM SessionRecord WHERE planId IN :ids", SessionRecord.class)
                .setParameter("ids", planIds).getResultList();
    }

    public List<SessionRecord> sessionsNewestFirst(UUID planId) {
        return em.createQuery("FROM SessionRecord WHERE planId = :plan ORDER BY performedAt DESC, receivedAt DESC",
                SessionRecord.class).setParameter("plan", planId).getResultList();
    }

    /** The decisions published for the plans, in the order they were made. */
    public List<DecisionRecord> decisionsOf(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM DecisionRecord WHERE planId IN :ids ORDER BY seq", DecisionRecord.class)
                .setParameter("ids", planIds).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** A decision to store with its CloudEvent (the event exactly as it will be published). */
    public record NewDecision(UUID eventId, String key, UUID planId, String athleteId, String type,
                              UUID sessionEventId, Instant decidedAt, Instant effectiveAt, String event) {
    }

    /** Rows per insert statement: nine parameters each, well inside PostgreSQL's limit of 65,535 per statement. */
    private static final int DECISIONS_PER_STATEMENT = 500;
    private static final String DECISION_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

    /**
     * Stores the decisions, in order, in one statement per few hundred, leaving out any whose key is stored already.
     * Plain JDBC on the transaction's connection: as a native query, Hibernate looked up a cached plan for each such
     * statement, which took a sixth of the service's time in a recording of the latency bench.
     *
     * @return the keys of those stored now: only their events may be published
     */
    public Set<String> storeDecisions(List<NewDecision> decisions) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> stored = new HashSet<>();
            for (int from = 0; from < decisions.size(); from += DECISIONS_PER_STATEMENT) {
                List<NewDecision> chunk = decisions.subList(from,
                        Math.min(decisions.size(), from + DECISIONS_PER_STATEMENT));
                String sql = "INSERT INTO progression_decision (event_id, decision_key, plan_id, athlete_id, type,"
                        + " session_event_id, decided_at, effective_at, event) VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), DECISION_ROW))
                        + " ON CONFLICT (decision_key) DO NOTHING RETURNING decision_key";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int p = 1;
                    for (NewDecision d : chunk) {
                        insert.setObject(p++, d.eventId());
                        insert.setString(p++, d.key());
                        insert.setObject(p++, d.planId());
                        insert.setString(p++, d.athleteId());
                        insert.setString(p++, d.type());
                        insert.setObject(p++, d.sessionEventId(), Types.OTHER);
                        insert.setObject(p++, d.decidedAt().atOffset(ZoneOffset.UTC));
                        insert.setObject(p++, d.effectiveAt().atOffset(ZoneOffset.UTC));
                        insert.setString(p++, d.event());
                    }
                    try (ResultSet keys = insert.executeQuery()) {
                        while (keys.next()) {
                            stored.add(keys.getString(1));
                        }
                    }
                }
            }
            return stored;
        });
    }

    /** Flags a published decision for review, once. */
    public void storeFlag(UUID planId, String decisionKey, String athleteId, Instant effectiveAt, Instant flaggedAt,
                          String message) {
        em.createNativeQuery("""
                        INSERT INTO review_flag (plan_id, decision_key, athlete_id, effective_at, flagged_at, message)
                        VALUES (:plan, :key, :athlete, :effective, :at, :message) ON CONFLICT DO NOTHING""")
                // Otherwise the native statement would first flush the whole persistence context, dirty-checking
                // every entity of the batch; it reads nothing the batch has pending.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("plan", planId).setParameter("key", decisionKey).setParameter("athlete", athleteId)
                .setParameter("effective", effectiveAt).setParameter("at", flaggedAt).setParameter("message", message)
                .executeUpdate();
    }

    /** The review flags of the plans, newest first. */
    public List<ReviewFlagRecord> flagsOf(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM ReviewFlagRecord WHERE id.planId IN :ids ORDER BY flaggedAt DESC, effectiveAt DESC",
                ReviewFlagRecord.class).setParameter("ids", planIds).getResultList();
    }

    /** An athlete with an active plan: the plan, where they stand, and when they last performed a session. */
    public record ActiveAthlete(AthletePlan plan, AthleteProgress progress, Instant lastSessionAt) {
    }

    /** The clinic's athletes with an active plan there and their progress, most recently active first. */
    public List<ActiveAthlete> activeAthletes(String clinicId) {
        return em.createQuery("SELECT new org.physiorun.progress.repository.ProgressRepository$ActiveAthlete(a, p,"
                + " (SELECT MAX(s.performedAt) FROM SessionRecord s WHERE s.planId = a.planId))"
                + " FROM AthletePlan a, AthleteProgress p WHERE a.active = TRUE AND a.clinicId = :clinic"
                + " AND p.planId = a.planId ORDER BY p.updatedAt DESC", ActiveAthlete.class)
                .setParameter("clinic", clinicId).getResultList();
    }

    /** The alerts (pain above the ceiling, regressions) of the given plans, newest first, at most {@code perPlan} each. */
    public List<DecisionRecord> alerts(Collection<UUID> planIds, int perPlan) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        List<DecisionRecord> alerts = em.createQuery("FROM DecisionRecord WHERE planId IN :plans AND type IN :types"
                        + " ORDER BY seq DESC", DecisionRecord.class)
                .setParameter("plans", planIds)
                .setParameter("types", List.of("physiorun.progression.pain-ceiling-exceeded",
                        "physiorun.progression.phase-regressed"))
                .getResultList();
        Map<UUID, Integer> taken = new HashMap<>();
        return alerts.stream().filter(alert -> taken.merge(alert.planId, 1, Integer::sum) <= perPlan).toList();
    }

    /** The CloudEvents emitted for the athlete's plans in the scope, oldest first, exactly as published. */
    public List<String> eventsOldestFirst(AthleteScope scope) {
        if (!scope.limitedToClinic()) {
            return em.createQuery("SELECT event FROM DecisionRecord WHERE athleteId = :athlete ORDER BY seq",
                    String.class).setParameter("athlete", scope.athleteId()).getResultList();
        }
        return em.createQuery("SELECT d.event FROM DecisionRecord d, AthletePlan a WHERE a.planId = d.planId"
                        + " AND d.athleteId = :athlete AND a.clinicId = :clinic ORDER BY d.seq", String.class)
                .setParameter("athlete", scope.athleteId()).setParameter("clinic", scope.clinicId()).getResultList();
    }

    /** Records a plan event as handled; false when it was handled before (a redelivery). */
    public boolean firstDelivery(UUID planEventId, Instant now) {
        return em.createNativeQuery("INSERT INTO processed_plan_event (event_id, processed_at) VALUES (:id, :at)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("id", planEventId).setParameter("at", now).executeUpdate() == 1;
    }

    public void flush() {
        em.flush();
    }
}
