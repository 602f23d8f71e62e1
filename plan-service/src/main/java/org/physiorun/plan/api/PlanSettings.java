package org.physiorun.plan.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.ZoneId;

/**
 * The settings an athlete may change on their own plan; a field left out (or null) keeps its value.
 *
 * @param reminderTime "HH:mm", a local time of day in the athlete's zone
 * @param timeZone     an IANA zone such as Europe/London
 */
public record PlanSettings(
        @Pattern(regexp = ReminderTime.PATTERN, message = ReminderTime.MESSAGE) @Schema(example = "18:30")
        String reminderTime,
        @Schema(type = SchemaType.STRING, example = "Europe/London") ZoneId timeZone) {

    /** A body that names no setting is most likely a mistake, so it is refused; reported as field "settings". */
    @AssertTrue(message = "must give reminderTime, timeZone or both")
    public boolean hasSettings() {
        return reminderTime != null || timeZone != null;
    }
}
