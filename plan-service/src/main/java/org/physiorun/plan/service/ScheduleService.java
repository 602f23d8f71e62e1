package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.plan.api.ScheduleDto;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.support.problem.ProblemException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScheduleService {

    /** About a quarter: long enough for a whole programme, short enough to answer quickly. */
    private static final int MAX_DAYS = 92;
    private static final int DEFAULT_DAYS = 7;
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    /** The last day whose all-day event, which ends on the next day, a four-digit year can still write. */
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 30);

    private final PlanRepository plans;
    private final PlanService planService;
    private final PlanAccess access;

    ScheduleService(PlanRepository plans, PlanService planService, PlanAccess access) {
        this.plans = plans;
        this.planService = planService;
        this.access = access;
    }

    /**
     * The sessions due each day from {@code from} to {@code to} (ISO dates, both included) in the phase the
     * athlete is in now. Without dates: the week starting today in the athlete's time zone. A closed plan
     * has nothing due. Empty when no plan has the id; a 403 when the caller may not read it.
     */
    public Optional<ScheduleDto> schedule(String planId, String from, String to) {
        return PlanService.parse(planId).flatMap(plans::findByIdOptional).map(access::readable)
                .map(plan -> schedule(plan, from, to));
    }

    /** The same for whoever holds the plan's private calendar link; empty once it is renewed or the plan closed. */
    public Optional<ScheduleDto> scheduleByCalendarLink(String token, String from, String to) {
        return plans.activeByCalendarToken(token).map(plan -> schedule(plan, from, to));
    }

    private ScheduleDto schedule(Plan plan, String from, String to) {
        LocalDate first = from == null ? LocalDate.now(ZoneId.of(plan.timeZone)) : date("from", from);
        // the default week stops at the last day a calendar can write
        LocalDate last = to == null ? min(first.plusDays(DEFAULT_DAYS - 1L), LAST_DATE) : date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before 'from' (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        ProtocolDefinition protocol = planService.definitionOf(plan);
        ProtocolDefinition.Phase phase = protocol.phase(plan.currentPhase);
        List<Prescription> exercises = phase.exercises().stream().map(plan::prescription).toList();
        List<ScheduleDto.Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            int day = plan.dayOf(date);
            boolean due = day >= 1 && plan.status == PlanStatus.ACTIVE;
            days.add(new ScheduleDto.Day(date, day >= 1 ? day : null,
                    due ? SessionPlanner.sessionsOn(day, exercises, protocol.sprintLadder()) : List.of()));
        }
        return new ScheduleDto(plan.id, plan.athleteId, plan.timeZone, plan.reminderTime, phase.number(),
                phase.name(), first, last, days);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * A calendar date of four-digit year: LocalDate also reads years up to 999999999, whose next day or day number
     * no longer fits and which an iCalendar date cannot hold, so such a date is refused here rather than failing later.
     */
    private static LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                throw ProblemException.invalid(field, "must be a date from " + FIRST_DATE + " to " + LAST_DATE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO date such as 2026-11-26");
        }
    }
}
