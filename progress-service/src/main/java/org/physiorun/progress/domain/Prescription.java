package org.physiorun.progress.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dose one session of an exercise must reach to count as "at dose". Only the low end of each
 * prescribed range is a gate: the upper end (45 s, 8 reps) is guidance for the athlete. {@code frequency} is
 * how often sessions may count (null for the sprints, which follow the ladder and its spacing).
 */
public record Prescription(String exercise, String name, int phase, int sets, Integer repsMin,
                           Integer holdSecondsMin, Integer distanceMetresMin, Integer minEfforts,
                           Frequency frequency) {

    public Prescription {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(name, "name");
        if (phase < 1 || sets < 1) {
            throw new IllegalArgumentException("prescription " + exercise + " needs phase and sets of at least 1");
        }
    }

    public boolean atDose(SessionLog session) {
        return atLeast(session.sets(), sets)
                && repetitionsMet(session)
                && (holdSecondsMin == null || atLeast(session.holdSeconds(), holdSecondsMin))
                && (distanceMetresMin == null || atLeast(session.distanceMetres(), distanceMetresMin));
    }

    // A sprint session counts its repetitions as efforts, yet a client may send the count as reps; the plan
    // gives a minimum for each, so either logged field reaching its own minimum meets the repetition part.
    private boolean repetitionsMet(SessionLog session) {
        if (minEfforts != null) {
            return atLeast(session.efforts(), minEfforts) || (repsMin != null && atLeast(session.reps(), repsMin));
        }
        return repsMin == null || atLeast(session.reps(), repsMin);
    }

    // A value the athlete did not log cannot show the minimum was reached.
    private static boolean atLeast(Integer logged, int minimum) {
        return logged != null && logged >= minimum;
    }

    /** The minimum dose in a runner's words: "3 x 8 reps", "3 x 30 s hold", "3 x 20 m", "6 efforts". */
    String doseText() {
        List<String> amounts = new ArrayList<>();
        if (minEfforts != null) {
            amounts.add(minEfforts + " efforts");
        } else if (repsMin != null) {
            amounts.add(repsMin + " reps");
        }
        if (holdSecondsMin != null) {
            amounts.add(holdSecondsMin + " s hold");
        }
        if (distanceMetresMin != null) {
            amounts.add(distanceMetresMin + " m");
        }
        if (amounts.isEmpty()) {
            return sets + (sets == 1 ? " set" : " sets");
        }
        String amount = String.join(", ", amounts);
        return sets == 1 ? amount : sets + " x " + amount;
    }
}
