package org.physiorun.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The intake the system tests send, a confirmed grade 1 strain from sprinting, which the programme suits, and the
 * sessions that take such a runner into phase 2.
 */
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

    /**
     * The POST /api/sessions bodies that complete phase 1's gate once its day has come: a hold and an Extender
     * yesterday, the same two today. The Extender counts once a day, so the two sessions each phase-1 exercise needs
     * take two days (exactly a day apart, so always two dates).
     */
    static List<String> phaseOneGateSessions(String athleteId) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        Instant yesterday = today.minus(1, ChronoUnit.DAYS);
        Instant[] performed = {yesterday, yesterday.plus(20, ChronoUnit.MINUTES), today, today.plus(20, ChronoUnit.MINUTES)};
        String[] exercises = {"isometric-heel-press", "extender", "isometric-heel-press", "extender"};
        return IntStream.range(0, exercises.length).mapToObj(i -> """
                {"eventId": "%s", "athleteId": "%s", "exercise": "%s", "performedAt": "%s",
                 "sets": 3, "reps": 12, "holdSeconds": 40, "painDuring": 0, "painAfter": 0,
                 "fullRange": true}""".formatted(UUID.randomUUID(), athleteId, exercises[i], performed[i])).toList();
    }
}
