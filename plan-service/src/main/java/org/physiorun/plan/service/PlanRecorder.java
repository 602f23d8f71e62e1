package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.physiorun.plan.api.PlanIntake;
import org.physiorun.plan.api.ReminderTime;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.Protocol;
import org.physiorun.plan.events.PlanEvents;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.support.problem.Problem;
import org.physiorun.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Stores a new plan, closing the athlete's previous one, with both events in the same transaction. The previous
 * plan is replaced only when it is the same clinic's (or no clinic's): an athlete in another clinic's programme
 * cannot be taken over.
 */
@ApplicationScoped
public class PlanRecorder {

    private static final String ONE_ACTIVE_PLAN = "plan_one_active_per_athlete";

    private final PlanRepository plans;
    private final PlanEvents events;

    PlanRecorder(PlanRepository plans, PlanEvents events) {
        this.plans = plans;
        this.events = events;
    }

    /** @throws ProblemException 409 when the athlete's active plan belongs to another clinic */
    @Transactional
    public Plan open(PlanIntake intake, ZoneId zone, String clinicId, Protocol protocol,
                     List<Prescription> prescriptions) {
        Instant now = Instant.now();
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.athleteId = intake.athleteId().strip();
        plan.clinicId = clinicId;
        plan.injuryDate = intake.injuryDate();
        plan.timeZone = zone.getId();
        plan.reminderTime = intake.reminderTime() == null ? ReminderTime.DEFAULT
                : LocalTime.parse(intake.reminderTime());
        plan.side = intake.side();
        plan.grade = intake.grade();
        plan.mechanism = intake.mechanism();
        plan.protocolId = protocol.id;
        plan.protocolVersion = protocol.version;
        plan.status = PlanStatus.ACTIVE;
        plan.currentPhase = 1;
        plan.createdAt = now;
        plan.prescriptions = prescriptions;
        plan.renewCalendarLink();

        plans.activeForUpdate(plan.athleteId).ifPresent(previous -> {
            if (previous.clinicId != null && !previous.clinicId.equals(clinicId)) {
                throw inAnotherClinic();
            }
            previous.close(now, "superseded by plan " + plan.id);
            // Written now: the unique index admits the new active plan only once the old one is closed.
            plans.flush();
            events.closed(previous);
        });
        try {
            plans.persistAndFlush(plan);
        } catch (PersistenceException e) {
            if (violates(e, ONE_ACTIVE_PLAN)) {
                // Another request made a plan for this athlete at the same moment; this one lost the race.
                throw ProblemException.conflict("athleteId",
                        "Another plan for this athlete was being made at the same time; reload and try again.");
            }
            throw e;
        }
        events.created(plan, protocol.definition);
        return plan;
    }

    /** Says no more than that: neither the other clinic nor anything of its plan. */
    private static ProblemException inAnotherClinic() {
        String detail = "This athlete's current plan belongs to another clinic, so a plan cannot be made for them"
                + " here while it runs.";
        return new ProblemException(new Problem("/problems/athlete-in-another-clinic", "Athlete in another clinic",
                409, detail, List.of(new Problem.FieldError("athleteId", "has an active plan in another clinic"))),
                null);
    }

    /** Whether the failure, or what caused it, is a violation of the named constraint. */
    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
