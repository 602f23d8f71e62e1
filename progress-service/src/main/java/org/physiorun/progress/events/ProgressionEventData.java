package org.physiorun.progress.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of a progression CloudEvent. Fields that a type does not use are left out:
 * phase changes carry {@code fromPhase}/{@code toPhase}, sprint levels {@code fromLevel}/{@code toLevel},
 * regressions a {@code reason} (and {@code clearanceRevoked} when they withdraw a clearance), pain alerts
 * {@code pain} and {@code exercise}, low adherence {@code percent}, {@code missed} and {@code weekStart}. {@code effectiveAt} is the instant the decision takes effect in the order of
 * performance (the session's time, or 00:00 local of the day that opened a gate); {@code decidedAt} is when it was
 * made, later for a session logged late. {@code clinicId} is the clinic of the plan, always present: null for a plan
 * made before plans named their clinic, whose events go to no clinic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressionEventData(String athleteId, UUID planId,
                                   @JsonInclude(JsonInclude.Include.ALWAYS) String clinicId, List<String> criteria,
                                   UUID sessionEventId, Instant decidedAt, Instant effectiveAt, Integer fromPhase,
                                   Integer toPhase, String reason, Boolean clearanceRevoked, Integer fromLevel,
                                   Integer toLevel, Integer pain, String exercise, Integer percent,
                                   List<String> missed, LocalDate weekStart) {
}
