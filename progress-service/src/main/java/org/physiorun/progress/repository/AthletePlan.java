package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** progress-service's copy of a plan, with the gating parameters exactly as plan-created carried them. */
@Entity
@Table(name = "athlete_plan")
public class AthletePlan {

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "athlete_id")
    public String athleteId;
    /** The clinic the plan belongs to; null for a plan copied before plans named theirs (no clinic reader sees it). */
    @Column(name = "clinic_id")
    public String clinicId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "gate_plan")
    public String gatePlan;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
}
