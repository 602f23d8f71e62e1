package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.physiorun.progress.domain.Frequency.Period;

/**
 * Test plans and instants: an athlete in Berlin injured on Monday 2 March 2026 (day 1). The figures are the
 * protocol's (protocol.md sections 2 to 4a), as plan-service's protocol data carries them in plan-created.
 */
final class Plans {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate INJURY_DATE = LocalDate.of(2026, 3, 2);

    private Plans() {
    }

    static GatePlan defaults() {
        Map<String, Prescription> prescriptions = Stream.of(
                new Prescription("isometric-heel-press", "Isometric Hold", 1, 3, null, 30, null, null, daily(2)),
                new Prescription("extender", "Extender", 1, 3, 12, null, null, null, daily(1)),
                new Prescription("glider", "Glider", 2, 3, 8, null, null, null, weekly(3, 3)),
                new Prescription("single-leg-rdl", "Single-Leg Romanian Deadlift (SL RDL)", 2, 3, 10, null, null, null,
                        weekly(3, 3)),
                new Prescription("nordic-assisted", "Nordic (assisted)", 2, 3, 6, null, null, null, weekly(3, 3)),
                new Prescription("diver", "Diver", 3, 3, 8, null, null, null, weekly(3, 3)),
                new Prescription("nordic-full", "Nordic (full)", 3, 4, 8, null, null, null, weekly(3, 3)),
                new Prescription("walkouts", "Walkouts", 3, 3, 10, null, null, null, daily(1)),
                new Prescription("a-skips", "A-skips and high knees", 4, 3, null, null, 20, null, weekly(3, 4)),
                // Sprints are one set of 6-8 efforts; the count may arrive as efforts or as reps. They follow the ladder.
                new Prescription("sprint-build-ups", "Progressive Sprint Build-Ups", 4, 1, 6, null, null, 6, null))
                .collect(Collectors.toMap(Prescription::exercise, Function.identity()));
        List<PhaseGate> gates = List.of(
                new PhaseGate(1, 2, 7, List.of(
                        new StreakCriterion("isometric-heel-press", 2, false),
                        new StreakCriterion("extender", 2, false)), null),
                new PhaseGate(2, 3, 15, List.of(
                        new StreakCriterion("glider", 3, true),
                        new StreakCriterion("single-leg-rdl", 3, true),
                        new StreakCriterion("nordic-assisted", 3, false)), new EasyRunCriterion(7, 1)),
                new PhaseGate(3, 4, 29, List.of(
                        new StreakCriterion("diver", 3, true),
                        new StreakCriterion("nordic-full", 3, false),
                        new StreakCriterion("walkouts", 3, false)), null));
        return new GatePlan("plan-1", INJURY_DATE, BERLIN, 0, 3, prescriptions, gates,
                new SprintLadder("sprint-build-ups", List.of(60, 80, 90, 100), 2),
                new Clearance(90, 2, "a-skips", 2),
                new Regression(4, 3, List.of("a-skips", "sprint-build-ups")), TimeRules.DEFAULTS);
    }

    private static Frequency daily(int times) {
        return new Frequency(times, times, Period.DAY);
    }

    private static Frequency weekly(int min, int max) {
        return new Frequency(min, max, Period.WEEK);
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
