package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** From {@code since} on, the athlete was in {@code phase} (until the next span). */
public record PhaseSpan(int phase, Instant since) {

    public PhaseSpan {
        Objects.requireNonNull(since, "since");
    }

    /** The athlete's phases over time, as the published decisions moved them: phase 1 from the programme's start. */
    public static List<PhaseSpan> of(GatePlan plan, List<Ruling> published) {
        List<PhaseSpan> spans = new ArrayList<>();
        spans.add(new PhaseSpan(1, plan.programmeStart()));
        published.stream().sorted(Comparator.comparing(Ruling::effectiveAt)).forEach(ruling -> {
            if (ruling.decision() instanceof Decision.PhaseAdvanced d) {
                spans.add(new PhaseSpan(d.toPhase(), ruling.effectiveAt()));
            } else if (ruling.decision() instanceof Decision.PhaseRegressed d) {
                spans.add(new PhaseSpan(d.toPhase(), ruling.effectiveAt()));
            }
        });
        return spans;
    }
}
