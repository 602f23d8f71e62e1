package org.physiorun.webhook.domain;

import java.util.List;

/** The progression event types of the contract: what an endpoint may choose among. */
public final class EventTypes {

    public static final List<String> ALL = List.of(
            "physiorun.progression.phase-advanced",
            "physiorun.progression.phase-regressed",
            "physiorun.progression.sprint-level-advanced",
            "physiorun.progression.return-to-run-cleared",
            "physiorun.progression.pain-ceiling-exceeded",
            "physiorun.progression.adherence-low");

    private EventTypes() {
    }
}
