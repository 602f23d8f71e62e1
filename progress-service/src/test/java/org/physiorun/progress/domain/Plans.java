package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Test plans and instants: an athlete in Berlin injured on Monday 2 March 2026 (day 1). */
final class Plans {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate INJURY_DATE = LocalDate.of(2026, 3, 2);

    private Plans() {
    }

    static GatePlan defaults() {
        return GatePlan.defaults("plan-1", INJURY_DATE, BERLIN);
    }

    /** Berlin wall-clock time on a programme day. */
    static Instant at(int day, int hour, int minute) {
        return INJURY_DATE.plusDays(day - 1L).atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    static GatePlan withGates(List<PhaseGate> gates) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), gates, d.ladder(), d.clearance(), d.regression());
    }

    static GatePlan withPain(int painFreeMax, int painCeiling) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), painFreeMax, painCeiling,
                d.prescriptions(), d.gates(), d.ladder(), d.clearance(), d.regression());
    }

    static GatePlan withSprints(SprintLadder ladder, Clearance clearance, Regression regression) {
        GatePlan d = defaults();
        return new GatePlan(d.planId(), d.injuryDate(), d.timeZone(), d.painFreeMax(), d.painCeiling(),
                d.prescriptions(), d.gates(), ladder, clearance, regression);
    }
}
