package org.physiorun.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a clinician sends to add or edit an exercise. On PUT the slug comes from the path. */
public record ExerciseInput(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        String slug,
        @NotNull @Min(1) Integer number,
        @NotBlank @Size(max = 120) String name,
        @NotNull @Min(value = 1, message = "must be a phase from 1 to 4") @Max(value = 4, message = "must be a phase from 1 to 4")
        Integer phase,
        @NotBlank @Size(max = 500) String focus,
        @NotBlank @Size(max = 4000) String instructions,
        @NotNull @Valid DosageDto dosage,
        @Size(max = 2000) String progressionNote,
        List<@NotNull @Valid CitationClaimDto> citations) {

    public List<CitationClaimDto> citationsOrEmpty() {
        return citations == null ? List.of() : citations;
    }
}
