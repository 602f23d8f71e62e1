package org.physiorun.progress.domain;

import java.util.Objects;

/** One criterion of the next gate: what it asks ({@code description}) and where the athlete is ({@code detail}). */
public record CriterionResult(String id, String description, boolean met, String detail) {

    public CriterionResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(detail, "detail");
    }
}
