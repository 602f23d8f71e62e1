package org.physiorun.progress.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of a progression CloudEvent. Fields that a type does not use are left out:
 * phase changes carry {@code fromPhase}/{@code toPhase}, sprint levels {@code fromLevel}/{@code toLevel},
 * regressions a {@code reason}, pain alerts {@code pain} and {@code exercise}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressionEventData(String athleteId, UUID planId, List<String> criteria, UUID sessionEventId,
                                   Instant decidedAt, Integer fromPhase, Integer toPhase, String reason,
                                   Integer fromLevel, Integer toLevel, Integer pain, String exercise) {
}
