package org.physiorun.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A citation an exercise rests on, and what it supports. */
public record CitationClaimDto(@NotBlank String id, @NotBlank @Size(max = 2000) String claim) {
}
