package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One athlete's gating parameters, as the plan carries them. The rules hold no figures of their own,
 * so a clinic can tune a protocol without a release.
 */
public record GatePlan(String planId, LocalDate injuryDate, ZoneId timeZone, int painFreeMax, int painCeiling,
                       Map<String, Prescription> prescriptions, List<PhaseGate> gates, SprintLadder ladder,
                       Clearance clearance, Regression regression) {

    /** An easy run is logged like an exercise but is not one of the framework's: it has no prescription. */
    public static final String EASY_RUN = "easy-run";

    public GatePlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(injuryDate, "injuryDate");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(clearance, "clearance");
        Objects.requireNonNull(regression, "regression");
        prescriptions = Map.copyOf(prescriptions);
        gates = List.copyOf(gates);
        if (painFreeMax < 0 || painFreeMax > painCeiling || painCeiling > 10) {
            throw new IllegalArgumentException("need 0 <= painFreeMax <= painCeiling <= 10");
        }
        prescriptions.forEach((slug, prescription) -> {
            if (!slug.equals(prescription.exercise())) {
                throw new IllegalArgumentException("prescription " + prescription.exercise() + " filed under " + slug);
            }
        });
        Set<Integer> fromPhases = new HashSet<>();
        for (PhaseGate gate : gates) {
            if (!fromPhases.add(gate.fromPhase())) {
                throw new IllegalArgumentException("two gates lead out of phase " + gate.fromPhase());
            }
            for (StreakCriterion streak : gate.streaks()) {
                requirePrescribed(prescriptions, streak.exercise());
            }
        }
        requirePrescribed(prescriptions, ladder.exercise());
        requirePrescribed(prescriptions, clearance.drillExercise());
        for (String exercise : regression.exercises()) {
            requirePrescribed(prescriptions, exercise);
        }
        if (clearance.minIntensity() > ladder.topLevel()) {
            throw new IllegalArgumentException("clearance at " + clearance.minIntensity()
                    + "% is above the top of the sprint ladder");
        }
    }

    private static void requirePrescribed(Map<String, Prescription> prescriptions, String exercise) {
        if (!prescriptions.containsKey(exercise)) {
            throw new IllegalArgumentException("the plan has no prescription for " + exercise);
        }
    }

    /** The protocol's default parameters (protocol.md sections 2 to 4). */
    public static GatePlan defaults(String planId, LocalDate injuryDate, ZoneId zone) {
        Map<String, Prescription> prescriptions = Stream.of(
                new Prescription("isometric-heel-press", "Isometric Hold", 1, 3, null, 30, null, null),
                new Prescription("extender", "Extender", 1, 3, 12, null, null, null),
                new Prescription("glider", "Glider", 2, 3, 8, null, null, null),
                new Prescription("single-leg-rdl", "Single-Leg Romanian Deadlift (SL RDL)", 2, 3, 10, null, null, null),
                new Prescription("nordic-assisted", "Nordic (assisted)", 2, 3, 6, null, null, null),
                new Prescription("diver", "Diver", 3, 3, 8, null, null, null),
                new Prescription("nordic-full", "Nordic (full)", 3, 4, 8, null, null, null),
                new Prescription("walkouts", "Walkouts", 3, 3, 10, null, null, null),
                new Prescription("a-skips", "A-skips and high knees", 4, 3, null, null, 20, null),
                // Sprints are one set of 6-8 efforts; the count may arrive as efforts or as reps.
                new Prescription("sprint-build-ups", "Progressive Sprint Build-Ups", 4, 1, 6, null, null, 6))
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
        return new GatePlan(planId, injuryDate, zone, 0, 3, prescriptions, gates,
                new SprintLadder("sprint-build-ups", List.of(60, 80, 90, 100), 2),
                new Clearance(90, 2, "a-skips", 2),
                new Regression(4, 3, List.of("a-skips", "sprint-build-ups")));
    }

    public Optional<Prescription> prescription(String exercise) {
        return Optional.ofNullable(prescriptions.get(exercise));
    }

    /**
     * When time alone could next open the gate out of {@code phase}: the first moment of its earliest day in
     * the athlete's zone, if that is still after {@code asOf}. Empty when no day is left to wait for.
     */
    public Optional<Instant> earliestDayAfter(int phase, Instant asOf) {
        return gateFrom(phase)
                .map(gate -> injuryDate.plusDays(gate.earliestDay() - 1L).atStartOfDay(timeZone).toInstant())
                .filter(start -> start.isAfter(asOf));
    }

    public Optional<PhaseGate> gateFrom(int phase) {
        return gates.stream().filter(gate -> gate.fromPhase() == phase).findFirst();
    }

    /** The phase whose athletes climb the sprint ladder: the phase of the ladder's exercise. */
    public int ladderPhase() {
        return prescriptions.get(ladder.exercise()).phase();
    }

    /** Whether a session of {@code exercise} may be logged at all: a prescribed exercise or an easy run. */
    public boolean isLoggable(String exercise) {
        return EASY_RUN.equals(exercise) || prescriptions.containsKey(exercise);
    }

    /** An exercise of a later phase than the athlete's is out of phase; an easy run never is. */
    public boolean isOutOfPhase(String exercise, int athletePhase) {
        return prescription(exercise).map(p -> p.phase() > athletePhase).orElse(false);
    }

    /** At dose by the exercise's prescription; an easy run has no prescribed dose to fall short of. */
    public boolean atDose(SessionLog session) {
        return prescription(session.exercise()).map(p -> p.atDose(session)).orElse(true);
    }

    public boolean painFree(SessionLog session) {
        return session.highestPain() <= painFreeMax;
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(timeZone).toLocalDate();
    }

    /** The programme day at {@code instant}: the injury date is day 1, counted in the athlete's time zone. */
    public int day(Instant instant) {
        return Math.toIntExact(ChronoUnit.DAYS.between(injuryDate, dateOf(instant)) + 1);
    }
}
