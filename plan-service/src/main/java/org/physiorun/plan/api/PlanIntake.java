package org.physiorun.plan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.physiorun.plan.domain.Mechanism;
import org.physiorun.plan.domain.Side;
import org.physiorun.plan.domain.SuspectedSource;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a runner or clinician tells about the injury to get a plan. Grade 3 is a valid answer (it is refused
 * by triage, not by validation); an unknown time zone or enum value is malformed input.
 *
 * @param timeZone     an IANA zone such as Europe/London; the service's default when absent
 * @param reminderTime when the calendar reminds the athlete of the day's sessions, "HH:mm" in their zone;
 *                     08:00 when absent
 * @param protocolId   the service's default protocol when absent
 */
public record PlanIntake(
        @NotBlank @Size(max = 128) String athleteId,
        @NotNull LocalDate injuryDate,
        @NotNull Side side,
        @NotNull @Min(value = 1, message = "must be 1, 2 or 3") @Max(value = 3, message = "must be 1, 2 or 3")
        Integer grade,
        @NotNull SuspectedSource suspectedSource,
        @NotNull Boolean clinicianConfirmed,
        @NotNull Mechanism mechanism,
        @Schema(type = SchemaType.STRING, example = "Europe/London") ZoneId timeZone,
        @Pattern(regexp = ReminderTime.PATTERN, message = ReminderTime.MESSAGE) @Schema(example = "08:00")
        String reminderTime,
        @Size(max = 64) String protocolId) {
}
