package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.domain.Verdict;
import org.physiorun.progress.events.SessionEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A logged session, with what it meant at its place in the plan (phase, at dose, pain-free, counted or why not). */
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
    /** The phase the athlete was in when the session was performed, as the last walk through the plan found. */
    public int phase;
    @Column(name = "out_of_phase")
    public boolean outOfPhase;
    @Column(name = "at_dose")
    public boolean atDose;
    @Column(name = "pain_free")
    public boolean painFree;
    @Column(name = "not_counted_because")
    public String notCountedBecause;
    public String explanation;
    /** When progress-service first received it (section 4a's "logged"). */
    @Column(name = "logged_at")
    public Instant loggedAt;
    @Column(name = "entered_by")
    public String enteredBy;
    /** When this copy was stored. */
    @Column(name = "received_at")
    public Instant receivedAt;

    public static SessionRecord of(SessionEvent session, UUID planId, SessionLog log, Instant now) {
        SessionRecord record = new SessionRecord();
        record.eventId = log.eventId();
        record.planId = planId;
        record.athleteId = session.athleteId();
        record.exercise = log.exercise();
        record.performedAt = log.performedAt();
        record.sets = log.sets();
        record.reps = log.reps();
        record.holdSeconds = log.holdSeconds();
        record.distanceMetres = log.distanceMetres();
        record.efforts = log.efforts();
        record.intensityPercent = log.intensityPercent();
        record.loadKg = session.loadKg();
        record.painDuring = log.painDuring();
        record.painAfter = log.painAfter();
        record.fullRange = log.fullRange();
        record.tightness = log.tightness();
        record.notes = session.notes();
        record.loggedAt = log.loggedAt();
        record.enteredBy = log.enteredBy().code();
        record.receivedAt = now;
        return record;
    }

    public SessionLog toLog() {
        return new SessionLog(eventId, exercise, performedAt, loggedAt, EnteredBy.ofCode(enteredBy), sets, reps,
                holdSeconds, distanceMetres, efforts, intensityPercent, painDuring, painAfter, fullRange, tightness);
    }

    /** Records what the session meant at its place in the plan; only a change is written. */
    public void judged(Verdict verdict) {
        phase = verdict.phase();
        outOfPhase = verdict.outOfPhase();
        atDose = verdict.atDose();
        painFree = verdict.painFree();
        notCountedBecause = verdict.counted() ? null : verdict.notCountedBecause().code();
        explanation = verdict.explanation();
    }
}
