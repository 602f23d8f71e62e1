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

/**
 * One athlete's gating parameters, as the plan carries them. The rules hold no figures of their own,
 * so a clinic can tune a protocol without a release.
 */
public record GatePlan(String planId, LocalDate injuryDate, ZoneId timeZone, int painFreeMax, int painCeiling,
                       Map<String, Prescription> prescriptions, List<PhaseGate> gates, SprintLadder ladder,
                       Clearance clearance, Regression regression, TimeRules timing) {

    /** An easy run is logged like an exercise but is not one of the framework's: it has no prescription. */
    public static final String EASY_RUN = "easy-run";

    public GatePlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(injuryDate, "injuryDate");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(clearance, "clearance");
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(timing, "timing");
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

    public Optional<Prescription> prescription(String exercise) {
        return Optional.ofNullable(prescriptions.get(exercise));
    }

    /** The first moment of the programme: sessions from then on count, day 1 being the injury date. */
    public Instant programmeStart() {
        return startOf(injuryDate);
    }

    /** 00:00 local of {@code date}: when a day-bound rule (an earliest day, clearance) can first hold. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(timeZone).toInstant();
    }

    /** The local date of programme day {@code day}. */
    public LocalDate dateOfDay(int day) {
        return injuryDate.plusDays(day - 1L);
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
