package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an athlete stands. {@code phaseSince} and {@code sprintLevelSince} mark when the phase and level began:
 * only sessions performed after them count toward what comes next. {@code byRegression}: the phase was entered by
 * a regression, so only sessions both performed and logged after it count. {@code regressions} is how many
 * regressions there have been: part of each decision's key.
 */
public record ProgressState(int phase, Instant phaseSince, boolean byRegression, Integer sprintLevel,
                            Instant sprintLevelSince, boolean returnToRunCleared, int regressions) {

    public ProgressState {
        Objects.requireNonNull(phaseSince, "phaseSince");
        if (phase < 1 || regressions < 0) {
            throw new IllegalArgumentException("phase must be at least 1 and regressions at least 0");
        }
        if ((sprintLevel == null) != (sprintLevelSince == null)) {
            throw new IllegalArgumentException("a sprint level needs the instant it was reached, and only then");
        }
    }

    public static ProgressState start(Instant programmeStart) {
        return new ProgressState(1, programmeStart, false, null, null, false, 0);
    }

    /** Moving up a phase: the sprint ladder starts at {@code firstSprintLevel} (null outside the ladder phase). */
    ProgressState advance(int newPhase, Instant at, Integer firstSprintLevel) {
        return new ProgressState(newPhase, at, false, firstSprintLevel, firstSprintLevel == null ? null : at, false,
                regressions);
    }

    /** Going back a phase revokes clearance and leaves the ladder, which starts again from its foot. */
    ProgressState regress(int newPhase, Instant at) {
        return new ProgressState(newPhase, at, true, null, null, false, regressions + 1);
    }

    ProgressState reachSprintLevel(int level, Instant at) {
        return new ProgressState(phase, phaseSince, byRegression, level, at, returnToRunCleared, regressions);
    }

    ProgressState clearReturnToRun() {
        return new ProgressState(phase, phaseSince, byRegression, sprintLevel, sprintLevelSince, true, regressions);
    }
}
