package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an athlete stands. {@code phaseSince} and {@code sprintLevelSince} mark when the phase and level
 * were entered: only sessions performed after them count toward what comes next.
 */
public record ProgressState(int phase, Instant phaseSince, Integer sprintLevel, Instant sprintLevelSince,
                            boolean returnToRunCleared) {

    public ProgressState {
        Objects.requireNonNull(phaseSince, "phaseSince");
        if (phase < 1) {
            throw new IllegalArgumentException("phase must be at least 1");
        }
        if ((sprintLevel == null) != (sprintLevelSince == null)) {
            throw new IllegalArgumentException("a sprint level needs the instant it was reached, and only then");
        }
    }

    public static ProgressState start(Instant planCreatedAt) {
        return new ProgressState(1, planCreatedAt, null, null, false);
    }

    /**
     * Entering a phase, forward or back, revokes clearance and restarts the sprint ladder at
     * {@code firstSprintLevel} (null outside the ladder phase).
     */
    ProgressState enterPhase(int newPhase, Instant now, Integer firstSprintLevel) {
        return new ProgressState(newPhase, now, firstSprintLevel, firstSprintLevel == null ? null : now, false);
    }

    ProgressState reachSprintLevel(int level, Instant now) {
        return new ProgressState(phase, phaseSince, level, now, returnToRunCleared);
    }

    ProgressState clearReturnToRun() {
        return new ProgressState(phase, phaseSince, sprintLevel, sprintLevelSince, true);
    }
}
