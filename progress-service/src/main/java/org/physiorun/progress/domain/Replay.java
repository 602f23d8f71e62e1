package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one walk through the plan found: where the athlete stands now, the decisions to add (in the order they take
 * effect), what each session meant, the published decisions to review, the capacity check now, and when time alone
 * could next change anything, and the chart to take the next sessions from.
 */
public record Replay(ProgressState state, List<Ruling> newRulings, Map<UUID, Verdict> verdicts,
                     List<ReviewFlag> flags, CapacityCheck check, Optional<Instant> nextCheckAt, AthleteChart chart) {

    public Replay {
        newRulings = List.copyOf(newRulings);
        verdicts = Map.copyOf(verdicts);
        flags = List.copyOf(flags);
    }
}
