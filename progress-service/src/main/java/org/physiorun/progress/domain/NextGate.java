package org.physiorun.progress.domain;

import java.util.List;

/**
 * The next step for the athlete: exactly one of a phase ({@code toPhase}), a sprint level
 * ({@code toSprintLevel}) or return-to-run clearance ({@code returnToRun}).
 */
public record NextGate(Integer toPhase, Integer toSprintLevel, boolean returnToRun, List<CriterionResult> criteria) {

    public NextGate {
        criteria = List.copyOf(criteria);
    }
}
