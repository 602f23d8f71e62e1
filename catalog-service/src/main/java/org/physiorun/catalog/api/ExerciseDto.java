package org.physiorun.catalog.api;

import java.util.List;

/** An exercise as the contract shows it. */
public record ExerciseDto(String slug, int number, String name, int phase, String focus, String instructions,
                          DosageDto dosage, String progressionNote, List<CitationClaimDto> citations,
                          boolean retired) {
}
