package org.physiorun.progress.domain;

import java.util.List;
import java.util.Objects;

/** The athlete's state after an event or a clock tick, with the decisions taken on the way, in order. */
public record Outcome(ProgressState state, List<Decision> decisions) {

    public Outcome {
        Objects.requireNonNull(state, "state");
        decisions = List.copyOf(decisions);
    }
}
