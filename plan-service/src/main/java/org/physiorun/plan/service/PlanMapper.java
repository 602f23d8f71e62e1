package org.physiorun.plan.service;

import org.physiorun.plan.api.ExpectedReturnDto;
import org.physiorun.plan.api.PlanDto;
import org.physiorun.plan.api.PlanPhaseDto;
import org.physiorun.plan.api.ProtocolDto;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.domain.Protocol;
import org.physiorun.plan.domain.ProtocolDefinition;

import java.net.URI;
import java.util.List;

/** Between entities and the API's records, so that neither leaks into the other. */
final class PlanMapper {

    private PlanMapper() {
    }

    /** The plan as its reader sees it, with its calendar link under {@code links} while the plan is active. */
    static PlanDto toDto(Plan plan, ProtocolDefinition protocol, CalendarLinks links) {
        List<PlanPhaseDto> phases = protocol.phases().stream()
                .map(phase -> new PlanPhaseDto(phase.number(), phase.name(), phase.window(), phase.goal(),
                        plan.dateOfDay(phase.nominalStartDay()), plan.dateOfDay(phase.nominalEndDay()),
                        plan.dateOfDay(phase.earliestDay()),
                        phase.exercises().stream().map(plan::prescription).toList()))
                .toList();
        ProtocolDefinition.ExpectedReturn expected = protocol.expectedReturn();
        int meanDays = expected.meanDays().get(plan.mechanism);
        ExpectedReturnDto expectedReturn = new ExpectedReturnDto(plan.mechanism, meanDays,
                plan.injuryDate.plusDays(meanDays), expected.citation(), expected.basis());
        URI calendarUrl = plan.status == PlanStatus.ACTIVE ? links.of(plan.calendarToken) : null;
        return new PlanDto(plan.id, plan.athleteId, plan.clinicId, plan.injuryDate, plan.timeZone, plan.reminderTime,
                plan.side, plan.grade, plan.mechanism, plan.protocolId, plan.protocolVersion, plan.status,
                plan.currentPhase, plan.createdAt, plan.closedAt, plan.closedReason, phases, expectedReturn,
                calendarUrl);
    }

    static ProtocolDto toDto(Protocol protocol) {
        ProtocolDefinition d = protocol.definition;
        List<ProtocolDto.PhaseDto> phases = d.phases().stream()
                .map(p -> new ProtocolDto.PhaseDto(p.number(), p.name(), p.window(), p.nominalStartDay(),
                        p.nominalEndDay(), p.earliestDay(), p.goal(), p.exercises(), d.gateInto(p)))
                .toList();
        return new ProtocolDto(protocol.id, protocol.version, d.name(), d.summary(), phases, d.painFreeMax(),
                d.painCeiling(), d.sprintLadder(), d.clearance(), d.regression(), d.timeRules(), d.expectedReturn());
    }
}
