package org.physiorun.progress.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a physiotherapist's list: where the athlete stands, when they last logged, their alerts and review
 * flags, and their adherence over the seven whole days before today ({@code adherenceLow} below the threshold).
 */
public record AthleteSummary(String athleteId, UUID planId, int phase, Integer sprintLevel, boolean returnToRunCleared,
                             Instant lastSessionAt, List<Alert> alerts, List<ReviewFlagView> reviewFlags,
                             AdherenceView.TallyView adherence7d, boolean adherenceLow) {

    /** A pain-ceiling or regression event, newest first. */
    public record Alert(String type, Instant decidedAt, String summary) {
    }
}
