package org.physiorun.progress.events;

import org.physiorun.progress.domain.Clearance;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.PhaseGate;
import org.physiorun.progress.domain.Prescription;
import org.physiorun.progress.domain.Regression;
import org.physiorun.progress.domain.SprintLadder;
import org.physiorun.progress.domain.TimeRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** progress-service's own copy of what it reads from {@code plan-events}. */
public final class PlanEvents {

    public static final String CREATED = "plan-created";
    public static final String CLOSED = "plan-closed";
    public static final String UPDATED = "plan-updated";

    private PlanEvents() {
    }

    /** The envelope: a CloudEvent whose data is read according to its type. */
    public record Envelope<T>(UUID id, String type, String subject, T data) {
    }

    /**
     * A new plan with every gating parameter, so that no rule needs a constant of its own, and the clinic it belongs
     * to (absent from plans made before plans had one).
     */
    public record PlanCreated(UUID planId, String athleteId, String clinicId, String protocolId, int protocolVersion,
                              LocalDate injuryDate, String timeZone, Instant createdAt, int painFreeMax,
                              int painCeiling, List<Prescription> prescriptions, List<PhaseGate> gates,
                              SprintLadder sprintLadder, Clearance clearance, Regression regression,
                              TimeRules timeRules) {

        public PlanCreated inTimeZone(String zone) {
            return new PlanCreated(planId, athleteId, clinicId, protocolId, protocolVersion, injuryDate, zone,
                    createdAt, painFreeMax, painCeiling, prescriptions, gates, sprintLadder, clearance, regression,
                    timeRules);
        }

        /** The plan's gates; a plan made before its protocol had time rules gets their defaults (4a, rule 11). */
        public GatePlan toGatePlan() {
            return new GatePlan(planId.toString(), injuryDate, ZoneId.of(timeZone == null ? "UTC" : timeZone),
                    painFreeMax, painCeiling,
                    prescriptions.stream().collect(Collectors.toMap(Prescription::exercise, Function.identity())),
                    gates, sprintLadder, clearance, regression, timeRules == null ? TimeRules.DEFAULTS : timeRules);
        }
    }

    public record PlanClosed(UUID planId, String athleteId, Instant closedAt, String reason) {
    }

    /** The athlete's own settings changed: the time zone in which their local days are judged, their reminder time. */
    public record PlanUpdated(UUID planId, String athleteId, String timeZone, String reminderTime, Instant updatedAt) {
    }
}
