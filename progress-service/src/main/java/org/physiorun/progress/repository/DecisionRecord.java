package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A progression decision as stored with its CloudEvent; written once (see ProgressRepository#storeDecisions). */
@Entity
@Immutable
@Table(name = "progression_decision")
public class DecisionRecord {

    @Id
    public long seq;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "decision_key")
    public String key;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "athlete_id")
    public String athleteId;
    public String type;
    @Column(name = "session_event_id")
    public UUID sessionEventId;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "effective_at")
    public Instant effectiveAt;
    /** The CloudEvent exactly as published. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String event;
}
