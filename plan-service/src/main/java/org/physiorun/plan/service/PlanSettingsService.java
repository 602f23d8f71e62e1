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

/**
 * The athlete's own settings on a plan: the time zone their days are judged in, their reminder time, and the
 * private link their calendar app reads the plan from.
 */
@ApplicationScoped
public class PlanSettingsService {

    private final PlanRepository plans;
    private final PlanService planService;
    private final PlanEvents events;
    private final PlanAccess access;

    PlanSettingsService(PlanRepository plans, PlanService planService, PlanEvents events, PlanAccess access) {
        this.plans = plans;
        this.planService = planService;
        this.events = events;
        this.access = access;
    }

    /**
     * Applies the settings given and, if that changes anything, publishes plan-updated in the same transaction.
     * Empty when no plan has the id.
     *
     * @throws ProblemException 403 when the caller may not change the plan, 409 when the plan is closed
     */
    @Transactional
    public Optional<PlanDto> change(String planId, PlanSettings settings, CalendarLinks links) {
        Optional<Plan> found = openForChange(planId,
                "so its settings no longer change; change them on the athlete's active plan.");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = found.get();
        String zone = settings.timeZone() == null ? plan.timeZone : settings.timeZone().getId();
        LocalTime reminder = settings.reminderTime() == null ? plan.reminderTime
                : LocalTime.parse(settings.reminderTime());
        // Setting a value it already has is no change: consumers hear only of real ones.
        if (!zone.equals(plan.timeZone) || !reminder.equals(plan.reminderTime)) {
            plan.timeZone = zone;
            plan.reminderTime = reminder;
            events.updated(plan, Instant.now());
        }
        return Optional.of(PlanMapper.toDto(plan, planService.definitionOf(plan), links));
    }

    /**
     * Gives the plan a new private calendar link; the old one stops working at once. Empty when no plan has the id.
     *
     * @throws ProblemException 403 when the caller may not change the plan, 409 when the plan is closed
     */
    @Transactional
    public Optional<PlanDto> renewCalendarLink(String planId, CalendarLinks links) {
        Optional<Plan> found = openForChange(planId,
                "and so is its calendar; the athlete's active plan has a link of its own.");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = found.get();
        plan.renewCalendarLink();
        return Optional.of(PlanMapper.toDto(plan, planService.definitionOf(plan), links));
    }

    /** The plan, locked, when the caller may change it and it is still active; empty when no plan has the id. */
    private Optional<Plan> openForChange(String planId, String whyClosedMatters) {
        Optional<Plan> found = PlanService.parse(planId).flatMap(plans::byIdForUpdate).map(access::changeable);
        found.filter(plan -> plan.status == PlanStatus.CLOSED).ifPresent(plan -> {
            throw ProblemException.conflict("planId",
                    "Plan " + plan.id + " is closed (" + plan.closedReason + "), " + whyClosedMatters);
        });
        return found;
    }
}
