package org.physiorun.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A prescribed dose in structured fields, so that plans and gates can compute with it. */
@Embeddable
public class Dosage {

    public int sets;
    @Column(name = "reps_min")
    public Integer repsMin;
    @Column(name = "reps_max")
    public Integer repsMax;
    @Column(name = "hold_seconds_min")
    public Integer holdSecondsMin;
    @Column(name = "hold_seconds_max")
    public Integer holdSecondsMax;
    @Column(name = "distance_metres_min")
    public Integer distanceMetresMin;
    @Column(name = "distance_metres_max")
    public Integer distanceMetresMax;
    @Column(name = "per_side")
    public boolean perSide;
    @Column(name = "lower_seconds")
    public Integer lowerSeconds;
    @Column(name = "frequency_times_min")
    public Integer frequencyTimesMin;
    @Column(name = "frequency_times_max")
    public Integer frequencyTimesMax;
    @Enumerated(EnumType.STRING)
    @Column(name = "frequency_per")
    public Frequency frequencyPer;
    @Column(name = "pain_ceiling")
    public Integer painCeiling;
    @Column(name = "dosage_notes")
    public String notes;
}
