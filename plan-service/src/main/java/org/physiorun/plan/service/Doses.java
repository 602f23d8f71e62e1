package org.physiorun.plan.service;

import org.physiorun.plan.domain.Prescription.Dosage;

/** A dose in the way a runner reads it: "3 x 8 reps each leg", "3 x 30-45 s hold", "6-8 x 40-60 m". */
public final class Doses {

    private Doses() {
    }

    public static String describe(Dosage d) {
        // Sprints are one set of several efforts over a distance: the efforts are the repetitions.
        if (d.sets() == 1 && d.repsMin() != null && d.distanceMetresMin() != null) {
            return range(d.repsMin(), d.repsMax()) + " x " + range(d.distanceMetresMin(), d.distanceMetresMax()) + " m";
        }
        String amount;
        if (d.repsMin() != null) {
            amount = range(d.repsMin(), d.repsMax()) + " reps";
        } else if (d.holdSecondsMin() != null) {
            amount = range(d.holdSecondsMin(), d.holdSecondsMax()) + " s hold";
        } else if (d.distanceMetresMin() != null) {
            amount = range(d.distanceMetresMin(), d.distanceMetresMax()) + " m";
        } else {
            return d.sets() + " sets";
        }
        return d.sets() + " x " + amount + (d.perSide() ? " each leg" : "");
    }

    private static String range(int min, Integer max) {
        return max == null || max == min ? Integer.toString(min) : min + "-" + max;
    }
}
