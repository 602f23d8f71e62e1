package org.physiorun.plan.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One exercise as the catalogue described it when the plan was made. A plan keeps this copy for good:
 * it is a clinical record, so a later edit in the catalogue must not change what was prescribed.
 * The field names are the catalogue contract's, so that the copy is the catalogue's answer as given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Prescription(String slug, int number, String name, String focus, String instructions,
                           Dosage dosage, String progressionNote, List<CitedClaim> citations) {

    /** The dose in the catalogue's structured fields; absent values are null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dosage(int sets, Integer repsMin, Integer repsMax, Integer holdSecondsMin, Integer holdSecondsMax,
                         Integer distanceMetresMin, Integer distanceMetresMax, boolean perSide, Integer lowerSeconds,
                         Frequency frequency, Integer painCeiling, String notes) {
    }

    /** {@code timesMin} to {@code timesMax} times {@code per} DAY or WEEK. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Frequency(int timesMin, Integer timesMax, Period per) {

        public int timesUpTo() {
            return timesMax == null ? timesMin : Math.max(timesMin, timesMax);
        }
    }

    public enum Period {
        DAY, WEEK
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CitedClaim(String id, String claim) {
    }
}
