package org.physiorun.plan.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.physiorun.plan.domain.Mechanism;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.domain.Side;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A plan as the contract shows it: its phases with dates and the prescriptions copied from the catalogue.
 *
 * @param clinicId    the clinic the plan belongs to; null for a plan made before there were identities
 * @param calendarUrl the plan's private calendar link, readable without a token; null once the plan is closed
 */
public record PlanDto(UUID planId, String athleteId, String clinicId, LocalDate injuryDate, String timeZone,
                      @JsonFormat(pattern = ReminderTime.FORMAT) LocalTime reminderTime, Side side, int grade,
                      Mechanism mechanism, String protocolId, int protocolVersion, PlanStatus status,
                      int currentPhase, Instant createdAt, Instant closedAt, String closedReason,
                      List<PlanPhaseDto> phases, ExpectedReturnDto expectedReturn, URI calendarUrl) {
}
