package org.physiorun.plan.domain;

/** How the strain happened; stretching-type strains take longer to come back from than sprinting-type ones. */
public enum Mechanism {
    SPRINTING, STRETCHING
}
