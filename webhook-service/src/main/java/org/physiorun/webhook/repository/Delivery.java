package org.physiorun.webhook.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.physiorun.webhook.domain.DeliveryStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one endpoint, as the delivery log shows it. Senders change it with {@link DeliveryRepository}'s
 * statements, which respect each other's claims.
 */
@Entity
@Immutable
@Table(name = "delivery")
public class Delivery {

    @Id
    public long seq;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "athlete_id")
    public String athleteId;
    public String type;
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "claim_token")
    public UUID claimToken;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
