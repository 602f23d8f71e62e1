package org.physiorun.plan.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.outbox.CloudEvent;
import org.physiorun.outbox.Outbox;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.ProtocolDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes plan-events into the outbox of the transaction that changes the plan, so that a plan and its event
 * exist together or not at all. Keyed by athlete, so that one athlete's events stay in order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanEvents {

    public static final String TOPIC = "plan-events";
    static final String SOURCE = "/plan-service";

    private final Outbox outbox;

    PlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Plan plan, ProtocolDefinition protocol) {
        ProtocolDefinition.SprintLadder ladder = protocol.sprintLadder();
        PlanCreated data = new PlanCreated(plan.id, plan.athleteId, plan.clinicId, plan.protocolId,
                plan.protocolVersion, plan.injuryDate, plan.timeZone, plan.side, plan.mechanism, plan.createdAt,
                protocol.painFreeMax(), protocol.painCeiling(), prescriptions(plan, protocol), protocol.gates(),
                new PlanCreated.SprintLadder(ladder.exercise(), ladder.levels(), ladder.sessionsPerLevel()),
                protocol.clearance(), protocol.regression(), protocol.timeRules());
        publish(plan, PlanCreated.TYPE, plan.createdAt, data);
    }

    public void closed(Plan plan) {
        publish(plan, PlanClosed.TYPE, plan.closedAt,
                new PlanClosed(plan.id, plan.athleteId, plan.clinicId, plan.closedAt, plan.closedReason));
    }

    /** The athlete changed their settings at {@code at}. */
    public void updated(Plan plan, Instant at) {
        publish(plan, PlanUpdated.TYPE, at,
                new PlanUpdated(plan.id, plan.athleteId, plan.clinicId, plan.timeZone, plan.reminderTime, at));
    }

    private void publish(Plan plan, String type, Instant time, Object data) {
        outbox.add(TOPIC, plan.athleteId, CloudEvent.of(UUID.randomUUID(), SOURCE, type, plan.athleteId, time, data));
    }

    private static List<PlanCreated.Prescription> prescriptions(Plan plan, ProtocolDefinition protocol) {
        List<PlanCreated.Prescription> doses = new ArrayList<>();
        for (ProtocolDefinition.Phase phase : protocol.phases()) {
            for (String slug : phase.exercises()) {
                Prescription p = plan.prescription(slug);
                Integer minEfforts = slug.equals(protocol.sprintLadder().exercise())
                        ? protocol.sprintLadder().minEfforts() : null;
                doses.add(new PlanCreated.Prescription(slug, p.name(), phase.number(), p.dosage().sets(),
                        p.dosage().repsMin(), p.dosage().holdSecondsMin(), p.dosage().distanceMetresMin(),
                        minEfforts, frequency(p.dosage().frequency())));
            }
        }
        return doses;
    }

    private static PlanCreated.Frequency frequency(Prescription.Frequency frequency) {
        return frequency == null ? null
                : new PlanCreated.Frequency(frequency.timesMin(), frequency.timesUpTo(), frequency.per());
    }
}
