package org.physiorun.plan.events;

import org.physiorun.plan.domain.Mechanism;
import org.physiorun.plan.domain.Prescription.Period;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.domain.Side;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code plan-created} event: everything progress-service needs to judge the gates of this
 * plan without asking plan-service or the catalogue. The field names are the interface with its consumers.
 *
 * @param clinicId  the clinic the plan belongs to, whose staff may see the athlete's progress on it
 * @param timeRules the protocol version's time rules; null for a version that predates them, and the consumer
 *                  then applies the protocol's documented defaults
 */
public record PlanCreated(UUID planId, String athleteId, String clinicId, String protocolId, int protocolVersion,
                          LocalDate injuryDate, String timeZone, Side side, Mechanism mechanism, Instant createdAt,
                          int painFreeMax, int painCeiling, List<Prescription> prescriptions,
                          List<ProtocolDefinition.Gate> gates, SprintLadder sprintLadder,
                          ProtocolDefinition.Clearance clearance, ProtocolDefinition.Regression regression,
                          ProtocolDefinition.TimeRules timeRules) {

    public static final String TYPE = "plan-created";

    /**
     * The dose a session must reach to count as "at dose": the prescribed sets and the low end of the
     * prescribed range; {@code minEfforts} only for the sprint ladder's exercise.
     *
     * @param frequency how often the exercise is prescribed, which caps how many of its sessions count; null
     *                  when the copied prescription has none of its own (the sprints)
     */
    public record Prescription(String exercise, String name, int phase, int sets, Integer repsMin,
                               Integer holdSecondsMin, Integer distanceMetresMin, Integer minEfforts,
                               Frequency frequency) {
    }

    /**
     * {@code timesMin} to {@code timesMax} sessions {@code per} DAY or WEEK. {@code timesMax} is always given
     * (equal to {@code timesMin} when the catalogue names no range), so the consumer needs no rule of its own.
     */
    public record Frequency(int timesMin, int timesMax, Period per) {
    }

    public record SprintLadder(String exercise, List<Integer> levels, int sessionsPerLevel) {
    }
}
