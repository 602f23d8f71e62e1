package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.plan.repository.ProtocolRepository;
import org.physiorun.support.messaging.ProcessedEvents;

import java.util.Optional;

/**
 * Moves a plan's current phase as progress-service decides; each decision is applied at most once, and only from
 * the phase it was taken in. A decision that cannot be applied is logged and skipped for good (its id is recorded).
 */
@ApplicationScoped
@Transactional
public class PlanProgress {

    private static final Logger LOG = Logger.getLogger(PlanProgress.class);

    private final PlanRepository plans;
    private final ProtocolRepository protocols;
    private final ProcessedEvents processed;

    PlanProgress(PlanRepository plans, ProtocolRepository protocols, ProcessedEvents processed) {
        this.plans = plans;
        this.protocols = protocols;
        this.processed = processed;
    }

    public void follow(PhaseChange change) {
        if (!processed.firstTime(change.eventId())) {
            return;
        }
        Optional<Plan> found = plans.findByIdOptional(change.planId());
        if (found.isEmpty()) {
            LOG.warnf("Skipped progression event %s: no plan has id %s", change.eventId(), change.planId());
            return;
        }
        Plan plan = found.get();
        ProtocolDefinition protocol = protocols.version(plan.protocolId, plan.protocolVersion).orElseThrow().definition;
        int before = plan.currentPhase;
        switch (plan.follow(change.fromPhase(), change.toPhase(), protocol)) {
            case MOVED -> LOG.infof("Plan %s moves from phase %d to %d (%s)", plan.id, before, change.toPhase(),
                    change.type());
            case STALE -> LOG.warnf("Skipped progression event %s: it moves plan %s from phase %d, but the plan is in"
                    + " phase %d", change.eventId(), plan.id, change.fromPhase(), before);
            case UNKNOWN_PHASE -> LOG.warnf("Skipped progression event %s: plan %s has no phase %d", change.eventId(),
                    plan.id, change.toPhase());
        }
    }
}
