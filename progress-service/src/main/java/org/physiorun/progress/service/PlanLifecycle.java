package org.physiorun.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.ProgressState;
import org.physiorun.progress.events.PlanEvents.PlanClosed;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.ProgressRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps progress-service's copy of each athlete's active plan: a new plan replaces the previous one. */
@ApplicationScoped
@Transactional
public class PlanLifecycle {

    private static final Logger LOG = Logger.getLogger(PlanLifecycle.class);

    private final ProgressRepository repository;
    private final ProgressionEvents events;

    PlanLifecycle(ProgressRepository repository, ProgressionEvents events) {
        this.repository = repository;
        this.events = events;
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
        plan.gatePlan = events.write(created);
        plan.active = true;
        plan.createdAt = created.createdAt() == null ? now : created.createdAt();
        repository.persist(plan);

        AthleteProgress progress = new AthleteProgress();
        progress.planId = plan.planId;
        progress.athleteId = plan.athleteId;
        progress.moveTo(ProgressState.start(gates.programmeStart().minusMillis(1)), now);
        // With no session yet only the day can matter; the clock's first look at the athlete sets the next one.
        progress.nextCheckAt = now;
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

    private static void close(AthletePlan plan, Instant at) {
        plan.active = false;
        plan.closedAt = at;
    }
}
