package org.physiorun.plan.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a loading programme fits the injury. It is meant for confirmed grade 1-2 hamstring muscle
 * strains only: pain from the tendon, the sciatic nerve or the lower back, a more severe strain, or a
 * diagnosis nobody has confirmed all call for an assessment first. Every rule that refuses is reported,
 * so that the runner learns everything to sort out at once.
 */
public final class Triage {

    private Triage() {
    }

    /** The rules that refuse this injury; empty when the programme fits. */
    public static List<Referral> refusals(int grade, SuspectedSource source, boolean clinicianConfirmed) {
        List<Referral> refusals = new ArrayList<>();
        if (grade >= 3) {
            refusals.add(new Referral("grade-3-strain",
                    "The programme is built for grade 1 and grade 2 strains, and this one is reported as grade 3.",
                    "Have a sports physiotherapist or doctor assess the injury; a grade 3 strain needs a plan made"
                            + " for it before any loading starts."));
        }
        if (source != SuspectedSource.MUSCLE) {
            refusals.add(new Referral("source-not-muscle", sourceReason(source),
                    "Book an assessment so that a clinician can find where the pain comes from; pain that does not"
                            + " come from the muscle needs a different kind of treatment."));
        }
        if (!clinicianConfirmed) {
            refusals.add(new Referral("not-clinician-confirmed",
                    "No clinician has confirmed yet that this is a hamstring muscle strain.",
                    "When you are not sure, get it checked: once a physiotherapist or doctor has confirmed the"
                            + " strain, come back and make the plan."));
        }
        return refusals;
    }

    private static String sourceReason(SuspectedSource source) {
        return switch (source) {
            case PROXIMAL_TENDON -> "The pain may come from the hamstring tendon near the sitting bone rather than"
                    + " from the muscle.";
            case SCIATIC_NERVE -> "The pain may come from the sciatic nerve rather than from the muscle.";
            case LUMBAR_REFERRED -> "The pain may be referred from the lower back rather than come from the muscle.";
            case UNSURE -> "It is not yet known where the pain comes from, and only a muscle strain fits the programme.";
            case MUSCLE -> throw new IllegalArgumentException("a muscle strain is not refused");
        };
    }
}
