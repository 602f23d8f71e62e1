package org.physiorun.plan.api;

import org.physiorun.plan.domain.Mechanism;

import java.time.LocalDate;

/** The trial's mean return time for this kind of injury, as a date counted from the injury, with its source. */
public record ExpectedReturnDto(Mechanism mechanism, int meanDays, LocalDate expectedDate, String citation,
                                String note) {
}
