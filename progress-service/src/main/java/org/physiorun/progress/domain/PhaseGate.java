package org.physiorun.progress.domain;

import java.util.List;
import java.util.Objects;

/** The criteria that open {@code toPhase} to an athlete in {@code fromPhase}. */
public record PhaseGate(int fromPhase, int toPhase, int earliestDay, List<StreakCriterion> streaks,
                        EasyRunCriterion easyRun) {

    public static final String MIN_DAY_ID = "min-day";

    public PhaseGate {
        // The protocol's phases are sequential: no gate may skip one.
        if (fromPhase < 1 || toPhase != fromPhase + 1) {
            throw new IllegalArgumentException("a gate must lead from a phase to the next one, not "
                    + fromPhase + " -> " + toPhase);
        }
        streaks = List.copyOf(Objects.requireNonNull(streaks, "streaks"));
    }
}
