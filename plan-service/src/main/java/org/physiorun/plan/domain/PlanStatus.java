package org.physiorun.plan.domain;

/** An athlete has at most one ACTIVE plan; a newer plan closes the older one. */
public enum PlanStatus {
    ACTIVE, CLOSED
}
