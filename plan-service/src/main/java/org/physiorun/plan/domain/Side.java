package org.physiorun.plan.domain;

/** The injured leg. */
public enum Side {
    LEFT, RIGHT
}
