package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.plan.api.PlanDto;
import org.physiorun.plan.api.PlanSettings;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.events.PlanEvents;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.support.problem.ProblemException;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/** The athlete's own settings on a plan: the time zone their days are judged in, and their reminder time. */
@ApplicationScoped
public class PlanSettingsService {

    private final PlanRepository plans;
    private final PlanService planService;
    private final PlanEvents events;

    PlanSettingsService(PlanRepository plans, PlanService planService, PlanEvents events) {
        this.plans = plans;
        this.planService = planService;
        this.events = events;
    }

    /**
     * Applies the settings given and, if that changes anything, publishes plan-updated in the same transaction.
     * Empty when no plan has the id.
     *
     * @throws ProblemException 409 when the plan is closed
     */
    @Transactional
    public Optional<PlanDto> change(String planId, PlanSettings settings) {
        Optional<Plan> found = PlanService.parse(planId).flatMap(plans::byIdForUpdate);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = found.get();
        if (plan.status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("planId", "Plan " + plan.id + " is closed (" + plan.closedReason
                    + "), so its settings no longer change; change them on the athlete's active plan.");
        }
        String zone = settings.timeZone() == null ? plan.timeZone : settings.timeZone().getId();
        LocalTime reminder = settings.reminderTime() == null ? plan.reminderTime
                : LocalTime.parse(settings.reminderTime());
        // Setting a value it already has is no change: consumers hear only of real ones.
        if (!zone.equals(plan.timeZone) || !reminder.equals(plan.reminderTime)) {
            plan.timeZone = zone;
            plan.reminderTime = reminder;
            events.updated(plan, Instant.now());
        }
        return Optional.of(PlanMapper.toDto(plan, planService.definitionOf(plan)));
    }
}
