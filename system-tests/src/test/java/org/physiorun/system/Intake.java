package org.physiorun.system;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The intake the system tests send: a confirmed grade 1 strain from sprinting, which the programme suits. */
final class Intake {

    private Intake() {
    }

    /** The POST /api/plans body for {@code athleteId}, injured {@code daysAgo} days before today (UTC). */
    static String body(String athleteId, int daysAgo) {
        return """
                {"athleteId": "%s", "injuryDate": "%s", "side": "LEFT", "grade": 1, "suspectedSource": "MUSCLE",
                 "clinicianConfirmed": true, "mechanism": "SPRINTING", "timeZone": "UTC"}"""
                .formatted(athleteId, LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo));
    }
}
