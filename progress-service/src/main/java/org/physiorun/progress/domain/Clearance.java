package org.physiorun.progress.domain;

import java.util.Objects;

/**
 * Return-to-run clearance: once the ladder has reached {@code minIntensity}, the last
 * {@code sprintSessions} sprint sessions at that intensity or more are at dose, pain-free and without
 * tightness, and the last {@code drillSessions} sessions of the drill are pain-free.
 */
public record Clearance(int minIntensity, int sprintSessions, String drillExercise, int drillSessions) {

    public static final String SPRINTS_ID = "clearance:sprints";
    public static final String DRILL_ID = "clearance:drill";

    public Clearance {
        Objects.requireNonNull(drillExercise, "drillExercise");
        if (sprintSessions < 1 || drillSessions < 1) {
            throw new IllegalArgumentException("clearance needs at least 1 sprint and 1 drill session");
        }
    }
}
