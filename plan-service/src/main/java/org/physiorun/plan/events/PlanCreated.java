package org.physiorun.plan.events;

import org.physiorun.plan.domain.Mechanism;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.domain.Side;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code plan-created} event: everything progress-service needs to judge the gates of this
 * plan without asking plan-service or the catalogue. The field names are the interface with its consumers.
 */
public record PlanCreated(UUID planId, String athleteId, String protocolId, int protocolVersion,
                          LocalDate injuryDate, String timeZone, Side side, Mechanism mechanism, Instant createdAt,
                          int painFreeMax, int painCeiling, List<Prescription> prescriptions,
                          List<ProtocolDefinition.Gate> gates, SprintLadder sprintLadder,
                          ProtocolDefinition.Clearance clearance, ProtocolDefinition.Regression regression) {

    public static final String TYPE = "plan-created";

    /**
     * The dose a session must reach to count as "at dose": the prescribed sets and the low end of the
     * prescribed range; {@code minEfforts} only for the sprint ladder's exercise.
     */
    public record Prescription(String exercise, String name, int phase, int sets, Integer repsMin,
                               Integer holdSecondsMin, Integer distanceMetresMin, Integer minEfforts) {
    }

    public record SprintLadder(String exercise, List<Integer> levels, int sessionsPerLevel) {
    }
}
