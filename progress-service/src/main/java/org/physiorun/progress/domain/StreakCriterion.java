package org.physiorun.progress.domain;

import java.util.Objects;

/**
 * The most recent {@code sessions} counted sessions of {@code exercise} are all at dose and pain-free,
 * and at full range when {@code fullRange}; one failing session among them breaks the streak.
 */
public record StreakCriterion(String exercise, int sessions, boolean fullRange) {

    public StreakCriterion {
        Objects.requireNonNull(exercise, "exercise");
        if (sessions < 1) {
            throw new IllegalArgumentException("a streak of " + exercise + " needs at least 1 session");
        }
    }

    public String id() {
        return "streak:" + exercise;
    }
}
