package org.physiorun.progress.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Test data in the contract's shapes: the plan-created event as plan-service sends it, and sessions as the
 * frontend or any producer sends them. Written out by hand on purpose: these tests check the wire format.
 */
public final class Journeys {

    /** The clinic the tests' plans belong to unless a test says otherwise. */
    public static final String CLINIC = "clinic-test";

    private Journeys() {
    }

    public static String planCreated(UUID eventId, UUID planId, String athleteId, LocalDate injuryDate) {
        return planCreated(eventId, planId, athleteId, CLINIC, injuryDate, "UTC");
    }

    /**
     * plan-created for an athlete of {@code clinicId} (null: a plan made before plans named their clinic, without
     * the field) in {@code timeZone}: the protocol's figures, as plan-service sends them.
     */
    public static String planCreated(UUID eventId, UUID planId, String athleteId, String clinicId,
                                     LocalDate injuryDate, String timeZone) {
        String clinic = clinicId == null ? "" : "\"clinicId\": \"" + clinicId + "\", ";
        return """
                {"specversion": "1.0", "id": "%s", "source": "/plan-service", "type": "plan-created",
                 "subject": "%s", "time": "2026-01-01T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"planId": "%s", "athleteId": "%s", %s"protocolId": "hamstring-return-to-run",
                  "protocolVersion": 2, "injuryDate": "%s", "timeZone": "%s", "side": "LEFT",
                  "mechanism": "SPRINTING", "createdAt": "2026-01-01T00:00:00Z", "painFreeMax": 0, "painCeiling": 3,
                  "prescriptions": [
                   {"exercise": "isometric-heel-press", "name": "Isometric Hold", "phase": 1, "sets": 3, "repsMin": null, "holdSecondsMin": 30, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 2, "timesMax": 2, "per": "DAY"}},
                   {"exercise": "extender", "name": "Extender", "phase": 1, "sets": 3, "repsMin": 12, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 1, "timesMax": 1, "per": "DAY"}},
                   {"exercise": "glider", "name": "Glider", "phase": 2, "sets": 3, "repsMin": 8, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 3, "per": "WEEK"}},
                   {"exercise": "single-leg-rdl", "name": "Single-Leg Romanian Deadlift (SL RDL)", "phase": 2, "sets": 3, "repsMin": 10, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 3, "per": "WEEK"}},
                   {"exercise": "nordic-assisted", "name": "Nordic (assisted)", "phase": 2, "sets": 3, "repsMin": 6, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 3, "per": "WEEK"}},
                   {"exercise": "diver", "name": "Diver", "phase": 3, "sets": 3, "repsMin": 8, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 3, "per": "WEEK"}},
                   {"exercise": "nordic-full", "name": "Nordic (full)", "phase": 3, "sets": 4, "repsMin": 8, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 3, "per": "WEEK"}},
                   {"exercise": "walkouts", "name": "Walkouts (knee drive into long reaching stride)", "phase": 3, "sets": 3, "repsMin": 10, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": null, "frequency": {"timesMin": 1, "timesMax": 1, "per": "DAY"}},
                   {"exercise": "a-skips", "name": "A-skips and high knees", "phase": 4, "sets": 3, "repsMin": null, "holdSecondsMin": null, "distanceMetresMin": 20, "minEfforts": null, "frequency": {"timesMin": 3, "timesMax": 4, "per": "WEEK"}},
                   {"exercise": "sprint-build-ups", "name": "Progressive Sprint Build-Ups", "phase": 4, "sets": 1, "repsMin": 6, "holdSecondsMin": null, "distanceMetresMin": null, "minEfforts": 6, "frequency": null}],
                  "gates": [
                   {"fromPhase": 1, "toPhase": 2, "earliestDay": 7, "streaks": [{"exercise": "isometric-heel-press", "sessions": 2, "fullRange": false}, {"exercise": "extender", "sessions": 2, "fullRange": false}], "easyRun": null},
                   {"fromPhase": 2, "toPhase": 3, "earliestDay": 15, "streaks": [{"exercise": "glider", "sessions": 3, "fullRange": true}, {"exercise": "single-leg-rdl", "sessions": 3, "fullRange": true}, {"exercise": "nordic-assisted", "sessions": 3, "fullRange": false}], "easyRun": {"withinDays": 7, "count": 1}},
                   {"fromPhase": 3, "toPhase": 4, "earliestDay": 29, "streaks": [{"exercise": "diver", "sessions": 3, "fullRange": true}, {"exercise": "nordic-full", "sessions": 3, "fullRange": false}, {"exercise": "walkouts", "sessions": 3, "fullRange": false}], "easyRun": null}],
                  "sprintLadder": {"exercise": "sprint-build-ups", "levels": [60, 80, 90, 100], "sessionsPerLevel": 2},
                  "clearance": {"minIntensity": 90, "sprintSessions": 2, "drillExercise": "a-skips", "drillSessions": 2},
                  "regression": {"fromPhase": 4, "toPhase": 3, "exercises": ["a-skips", "sprint-build-ups"]},
                  "timeRules": {"sprintMinDaysBetween": 2, "sprintMinHoursBetween": 36, "levelTolerance": 5,
                   "clearanceMinDays": 14, "maxLateHours": 72}}}
                """.formatted(eventId, athleteId, planId, athleteId, clinic, injuryDate, timeZone);
    }

    public static String planUpdated(UUID eventId, UUID planId, String athleteId, String timeZone) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/plan-service", "type": "plan-updated", "subject": "%s",
                 "time": "2026-01-01T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"planId": "%s", "athleteId": "%s", "timeZone": "%s", "reminderTime": "07:30",
                          "updatedAt": "2026-01-02T00:00:00Z"}}
                """.formatted(eventId, athleteId, planId, athleteId, timeZone);
    }

    public static String planClosed(UUID eventId, UUID planId, String athleteId) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/plan-service", "type": "plan-closed", "subject": "%s",
                 "time": "2026-01-01T00:00:00Z", "datacontenttype": "application/json",
                 "data": {"planId": "%s", "athleteId": "%s", "closedAt": "2026-01-02T00:00:00Z", "reason": "test"}}
                """.formatted(eventId, athleteId, planId, athleteId);
    }

    /**
     * A session at (or above) every prescribed dose, pain-free, at full range, performed on programme day
     * {@code day} at {@code minute} minutes past 08:00 UTC (distinct minutes keep a day's sessions in order).
     */
    public static Session session(String athleteId, LocalDate injuryDate, String exercise, int day, int minute) {
        return session(athleteId, injuryDate, exercise, day, LocalTime.of(8, 0).plusMinutes(minute));
    }

    /** The same, performed on programme day {@code day} at {@code time} UTC (the plan's zone in these tests). */
    public static Session session(String athleteId, LocalDate injuryDate, String exercise, int day, LocalTime time) {
        return new Session(athleteId, exercise,
                injuryDate.plusDays(day - 1L).atTime(time).toInstant(ZoneOffset.UTC).toString());
    }

    /** A session being built; every setter returns a copy, so a base session can be varied. */
    public record Session(UUID eventId, String athleteId, String exercise, String performedAt, int sets, Integer reps,
                          Integer holdSeconds, Integer distanceMetres, Integer efforts, Integer intensity,
                          int painDuring, int painAfter, boolean fullRange, boolean tightness) {

        Session(String athleteId, String exercise, String performedAt) {
            this(UUID.randomUUID(), athleteId, exercise, performedAt, 4, 12, 45, 60, 8, null, 0, 0, true, false);
        }

        public Session pain(int during, int after) {
            return new Session(eventId, athleteId, exercise, performedAt, sets, reps, holdSeconds, distanceMetres,
                    efforts, intensity, during, after, fullRange, tightness);
        }

        public Session intensity(int percent) {
            return new Session(eventId, athleteId, exercise, performedAt, 1, reps, holdSeconds, distanceMetres,
                    efforts, percent, painDuring, painAfter, fullRange, tightness);
        }

        public Session tight() {
            return new Session(eventId, athleteId, exercise, performedAt, sets, reps, holdSeconds, distanceMetres,
                    efforts, intensity, painDuring, painAfter, fullRange, true);
        }

        public Session sets(int count) {
            return new Session(eventId, athleteId, exercise, performedAt, count, reps, holdSeconds, distanceMetres,
                    efforts, intensity, painDuring, painAfter, fullRange, tightness);
        }

        public Session performedAt(String instant) {
            return new Session(eventId, athleteId, exercise, instant, sets, reps, holdSeconds, distanceMetres,
                    efforts, intensity, painDuring, painAfter, fullRange, tightness);
        }

        public Instant performedAtInstant() {
            return Instant.parse(performedAt);
        }

        public String json() {
            return """
                    {"eventId": "%s", "athleteId": "%s", "exercise": "%s", "performedAt": "%s", "sets": %d,
                     "reps": %s, "holdSeconds": %s, "distanceMetres": %s, "efforts": %s, "intensityPercent": %s,
                     "painDuring": %d, "painAfter": %d, "fullRange": %s, "tightness": %s}"""
                    .formatted(eventId, athleteId, exercise, performedAt, sets, reps, holdSeconds, distanceMetres,
                            efforts, intensity, painDuring, painAfter, fullRange, tightness);
        }

        /** The JSON with these fields left out, as a client that does not send them would write it. */
        public String jsonWithout(String... fields) {
            String json = json();
            for (String field : fields) {
                json = json.replaceAll(",\\s*\"" + field + "\": [^,}]*", "");
            }
            return json;
        }
    }
}
