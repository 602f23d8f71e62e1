package org.physiorun.plan.domain;

/** Where the pain at the back of the thigh is thought to come from; only a muscle strain fits the programme. */
public enum SuspectedSource {
    MUSCLE, PROXIMAL_TENDON, SCIATIC_NERVE, LUMBAR_REFERRED, UNSURE
}
