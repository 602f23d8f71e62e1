package org.physiorun.progress.domain;

import java.util.List;
import java.util.Objects;

/**
 * In {@code fromPhase}, a session of one of {@code exercises} with tightness or with any pain above the
 * pain-free maximum sends the athlete back to {@code toPhase}.
 */
public record Regression(int fromPhase, int toPhase, List<String> exercises) {

    public static final String TIGHTNESS_ID = "regression:tightness";
    public static final String PAIN_ID = "regression:pain";

    public Regression {
        if (toPhase < 1 || toPhase >= fromPhase) {
            throw new IllegalArgumentException("a regression must lead to an earlier phase, not "
                    + fromPhase + " -> " + toPhase);
        }
        exercises = List.copyOf(Objects.requireNonNull(exercises, "exercises"));
    }
}
