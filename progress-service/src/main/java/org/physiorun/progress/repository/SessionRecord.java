package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.physiorun.progress.domain.SessionLog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A counted session, with what it meant when it was logged (phase, at dose, pain-free). */
@Entity
@Table(name = "session_log")
public class SessionRecord {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "athlete_id")
    public String athleteId;
    public String exercise;
    @Column(name = "performed_at")
    public Instant performedAt;
    public Integer sets;
    public Integer reps;
    @Column(name = "hold_seconds")
    public Integer holdSeconds;
    @Column(name = "distance_metres")
    public Integer distanceMetres;
    public Integer efforts;
    @Column(name = "intensity_percent")
    public Integer intensityPercent;
    @Column(name = "load_kg")
    public BigDecimal loadKg;
    @Column(name = "pain_during")
    public Integer painDuring;
    @Column(name = "pain_after")
    public Integer painAfter;
    @Column(name = "full_range")
    public Boolean fullRange;
    public Boolean tightness;
    public String notes;
    @Column(name = "phase_at_logging")
    public int phaseAtLogging;
    @Column(name = "out_of_phase")
    public boolean outOfPhase;
    @Column(name = "at_dose")
    public boolean atDose;
    @Column(name = "pain_free")
    public boolean painFree;
    @Column(name = "received_at")
    public Instant receivedAt;

    public SessionLog toLog() {
        return new SessionLog(eventId, exercise, performedAt, sets, reps, holdSeconds, distanceMetres, efforts,
                intensityPercent, painDuring, painAfter, fullRange, tightness, phaseAtLogging, outOfPhase);
    }
}
