package org.physiorun.progress.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.domain.SessionLog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A logged session: the {@code session-events} value and the body of {@code POST /api/sessions}.
 * {@code eventId} is set by the client and is the idempotency key.
 */
public record SessionEvent(
        @NotNull UUID eventId,
        @NotBlank @Size(max = 64) String athleteId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be an exercise slug")
        String exercise,
        @NotNull Instant performedAt,
        @Min(1) @Max(100) Integer sets,
        @Min(0) @Max(1000) Integer reps,
        @Min(0) @Max(3600) Integer holdSeconds,
        @Min(0) @Max(100_000) Integer distanceMetres,
        @Min(0) @Max(100) Integer efforts,
        @Min(0) @Max(100) Integer intensityPercent,
        @DecimalMin("0") @DecimalMax("1000") BigDecimal loadKg,
        @NotNull @Min(0) @Max(10) Integer painDuring,
        @Min(0) @Max(10) Integer painAfter,
        Boolean fullRange,
        Boolean tightness,
        @Size(max = 2000) String notes) {

    /**
     * Record header naming who entered the session ({@code runner}, {@code physio}); set by progress-service's own
     * intake. A record without it comes from an operator's own producer, which is vouched for.
     */
    public static final String ENTERED_BY_HEADER = "physiorun-entered-by";

    /** The session as the rules read it, with when it was first received and who entered it. */
    public SessionLog toLog(Instant loggedAt, EnteredBy enteredBy) {
        return new SessionLog(eventId, exercise, performedAt, loggedAt, enteredBy, sets, reps, holdSeconds,
                distanceMetres, efforts, intensityPercent, painDuring, painAfter, fullRange, tightness);
    }
}
