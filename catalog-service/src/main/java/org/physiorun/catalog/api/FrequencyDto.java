package org.physiorun.catalog.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.physiorun.catalog.domain.Frequency;

/** {@code timesMin} to {@code timesMax} times {@code per} DAY or WEEK. */
public record FrequencyDto(@NotNull @Min(1) Integer timesMin, @Min(1) Integer timesMax, @NotNull Frequency per) {
}
