package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.support.Journeys;

/** Test plans and instants: an athlete in Berlin injured on Monday 2 March 2026 (day 1). */
final class Plans {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate INJURY_DATE = LocalDate.of(2026, 3, 2);
    static final UUID PLAN_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // as Quarkus reads it

    private Plans() {
    }

    /**
     * The protocol's default plan, read from the plan-created event the journeys on the real servers use, so that
     * its figures are written down once in progress-service's tests (plan-service's protocol data is their source).
     */
    static GatePlan defaults() {
        return defaults(BERLIN);
    }

    static GatePlan defaults(ZoneId zone) {
        String event = Journeys.planCreated(UUID.randomUUID(), PLAN_ID, "athlete-1", Journeys.CLINIC, INJURY_DATE,
                zone.getId());
        try {
            JsonNode data = JSON.readTree(event).get("data");
            return JSON.treeToValue(data, PlanCreated.class).toGatePlan();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the test plan-created cannot be read", e);
        }
    }

    /** Berlin wall-clock time on a programme day. */
    static Instant at(int day, int hour, int minute) {
        return INJURY_DATE.plusDays(day - 1L).atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    static GatePlan withGates(List<PhaseGate> gates) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), gates, d.ladder(), d.clearance(), d.regression(), d.timing());
    }

    static GatePlan withPain(int painFreeMax, int painCeiling) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), painFreeMax, painCeiling,
                d.prescriptions(), d.gates(), d.ladder(), d.clearance(), d.regression(), d.timing());
    }

    static GatePlan withSprints(SprintLadder ladder, Clearance clearance, Regression regression) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), d.gates(), ladder, clearance, regression, d.timing());
    }

    static GatePlan withTiming(TimeRules timing) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), d.gates(), d.ladder(), d.clearance(), d.regression(), timing);
    }
}
