package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.physiorun.progress.domain.ProgressState;

import java.time.Instant;
import java.util.UUID;

/** Where one athlete stands in one plan. Locked for update while a session or the clock moves it. */
@Entity
@Table(name = "athlete_progress")
public class AthleteProgress {

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "athlete_id")
    public String athleteId;
    public int phase;
    @Column(name = "phase_since")
    public Instant phaseSince;
    @Column(name = "sprint_level")
    public Integer sprintLevel;
    @Column(name = "sprint_level_since")
    public Instant sprintLevelSince;
    public boolean cleared;
    public int regressions;
    @Column(name = "by_regression")
    public boolean byRegression;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the scheduled re-evaluation should look at this athlete again; null when time alone changes nothing. */
    @Column(name = "next_check_at")
    public Instant nextCheckAt;
    /** When the athlete's last seven days are next looked at (once a day). */
    @Column(name = "next_adherence_check_at")
    public Instant nextAdherenceCheckAt;
    /** The rules' AthleteChart as JSON, where the last walk stopped; null when the next walk must take every session. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String chart;
    /** How many sessions of the plan are stored: the chart is taken up only if it took in every one. */
    @Column(name = "sessions_stored")
    public int sessionsStored;

    public ProgressState state() {
        return new ProgressState(phase, phaseSince, byRegression, sprintLevel, sprintLevelSince, cleared, regressions);
    }

    public void moveTo(ProgressState state, Instant now) {
        phase = state.phase();
        phaseSince = state.phaseSince();
        sprintLevel = state.sprintLevel();
        sprintLevelSince = state.sprintLevelSince();
        cleared = state.returnToRunCleared();
        byRegression = state.byRegression();
        regressions = state.regressions();
        updatedAt = now;
    }
}
