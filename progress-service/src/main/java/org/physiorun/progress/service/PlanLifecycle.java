package org.physiorun.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.ProgressionRules;
import org.physiorun.progress.domain.Replay;
import org.physiorun.progress.events.PlanEvents.PlanClosed;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.events.PlanEvents.PlanUpdated;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.ProgressRepository;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Keeps progress-service's copy of each athlete's active plan: a new plan replaces the previous one. */
@ApplicationScoped
@Transactional
public class PlanLifecycle {

    private static final Logger LOG = Logger.getLogger(PlanLifecycle.class);

    private final ProgressRepository repository;
    private final ProgressionEvents events;
    private final GatePlans gatePlans;
    private final Charts charts;

    PlanLifecycle(ProgressRepository repository, ProgressionEvents events, GatePlans gatePlans, Charts charts) {
        this.repository = repository;
        this.events = events;
        this.gatePlans = gatePlans;
        this.charts = charts;
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
        plan.clinicId = created.clinicId();
        plan.gatePlan = events.write(created);
        plan.active = true;
        plan.createdAt = created.createdAt() == null ? now : created.createdAt();
        repository.persist(plan);

        AthleteProgress progress = new AthleteProgress();
        progress.planId = plan.planId;
        progress.athleteId = plan.athleteId;
        Replay start = new ProgressionRules(gates).atStart();
        progress.moveTo(start.state(), now);
        charts.keep(progress, start.chart());
        // With no session yet only the day can matter; the clock's first look at the athlete sets the next one.
        progress.nextCheckAt = now;
        // Adherence is judged over whole weeks: the first look comes when the first week is behind the athlete.
        progress.nextAdherenceCheckAt = gates.startOf(gates.injuryDate().plusDays(7));
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

    /**
     * The athlete moved to another time zone: local days are judged in the new one from here on (a walk through the
     * plan judges every session again; what was published stands).
     */
    public void planUpdated(UUID eventId, PlanUpdated updated, Instant now) {
        if (!repository.firstDelivery(eventId, now)) {
            return;
        }
        repository.plan(updated.planId()).filter(plan -> plan.active).ifPresentOrElse(plan -> {
            PlanCreated created = gatePlans.read(plan.gatePlan);
            if (updated.timeZone() != null && !updated.timeZone().equals(created.timeZone())) {
                requireZone(updated.timeZone());
                plan.gatePlan = events.write(created.inTimeZone(updated.timeZone()));
                gatePlans.forget(plan.planId);
                repository.progress(plan.planId).ifPresent(progress -> {
                    progress.chart = null; // its days were counted in the old zone
                    progress.nextCheckAt = now;
                    progress.nextAdherenceCheckAt = now;
                });
            }
        }, () -> LOG.infof("plan-updated for plan %s, which is not active here: nothing to do", updated.planId()));
    }

    private static void requireZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("plan-updated names an unknown time zone '" + zone + "'", e);
        }
    }

    private static void close(AthletePlan plan, Instant at) {
        plan.active = false;
        plan.closedAt = at;
    }
}
