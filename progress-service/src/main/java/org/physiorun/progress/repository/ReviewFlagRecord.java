package org.physiorun.progress.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A published decision flagged for a physiotherapist's review; written once (see ProgressRepository#storeFlag). */
@Entity
@Immutable
@Table(name = "review_flag")
public class ReviewFlagRecord {

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "decision_key") String decisionKey) {
    }

    @EmbeddedId
    public Key id;
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "effective_at")
    public Instant effectiveAt;
    @Column(name = "flagged_at")
    public Instant flaggedAt;
    public String message;
}
