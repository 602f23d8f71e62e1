package org.physiorun.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The contract's {@code dosage}: "3 x 8 reps each leg" is sets 3, repsMin = repsMax = 8, perSide true. */
@OrderedRanges
public record DosageDto(
        @NotNull @Min(1) Integer sets,
        @Min(1) Integer repsMin,
        @Min(1) Integer repsMax,
        @Min(1) Integer holdSecondsMin,
        @Min(1) Integer holdSecondsMax,
        @Min(1) Integer distanceMetresMin,
        @Min(1) Integer distanceMetresMax,
        boolean perSide,
        @Min(1) Integer lowerSeconds,
        @Valid FrequencyDto frequency,
        @Min(0) @Max(10) Integer painCeiling,
        @Size(max = 1000) String notes) {
}
