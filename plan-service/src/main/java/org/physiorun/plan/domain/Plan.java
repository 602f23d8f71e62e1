package org.physiorun.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** One athlete's programme for one injury, built from one protocol version and a copy of the catalogue. */
@Entity
public class Plan {

    @Id
    public UUID id;
    @Column(name = "athlete_id")
    public String athleteId;
    /** The clinic whose staff read and change the plan; null for a plan made before there were identities. */
    @Column(name = "clinic_id")
    public String clinicId;
    /** Day 1 of the programme. */
    @Column(name = "injury_date")
    public LocalDate injuryDate;
    /** The athlete's zone: it decides which calendar day it is for them. */
    @Column(name = "time_zone")
    public String timeZone;
    /** When the athlete wants the day's reminder, a time of day in their own zone. */
    @Column(name = "reminder_time")
    public LocalTime reminderTime;
    @Enumerated(EnumType.STRING)
    public Side side;
    public int grade;
    @Enumerated(EnumType.STRING)
    public Mechanism mechanism;
    @Column(name = "protocol_id")
    public String protocolId;
    @Column(name = "protocol_version")
    public int protocolVersion;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    /** Moved by the progress service's decisions, read from progression-events. */
    @Column(name = "current_phase")
    public int currentPhase;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    /** The catalogue's exercises as they were when the plan was made, in the protocol's order. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Prescription> prescriptions;
    /** The secret of the plan's private calendar link. */
    @Column(name = "calendar_token")
    public String calendarToken;
    @Version
    public int version;

    /** What became of one of progress-service's phase decisions. */
    public enum PhaseMove {
        MOVED,
        /** Decided in another phase than the plan's: it changed nothing. */
        STALE,
        /** To a phase the plan's protocol does not have: it changed nothing. */
        UNKNOWN_PHASE
    }

    /**
     * Follows progress-service's decision to move the plan from {@code fromPhase} to {@code toPhase}. One athlete's
     * decisions arrive in the order they were made, each taken in the phase the athlete was in, so a decision
     * whose {@code fromPhase} is not the plan's phase was taken on a state the plan no longer has (or never had);
     * applying it would move the plan to where nobody decided it should go from here.
     */
    public PhaseMove follow(int fromPhase, int toPhase, ProtocolDefinition protocol) {
        if (!protocol.hasPhase(toPhase)) {
            return PhaseMove.UNKNOWN_PHASE;
        }
        if (fromPhase != currentPhase) {
            return PhaseMove.STALE;
        }
        currentPhase = toPhase;
        return PhaseMove.MOVED;
    }

    /** A new private calendar link: the one before stops working. */
    public void renewCalendarLink() {
        calendarToken = CalendarToken.random();
    }

    public void close(Instant at, String reason) {
        status = PlanStatus.CLOSED;
        closedAt = at;
        closedReason = reason;
    }

    /** The calendar date of programme day {@code day}; the injury date is day 1. */
    public LocalDate dateOfDay(int day) {
        return injuryDate.plusDays(day - 1L);
    }

    /** The programme day of {@code date}: 1 on the injury date, 0 or less before it. */
    public int dayOf(LocalDate date) {
        return Math.toIntExact(ChronoUnit.DAYS.between(injuryDate, date) + 1);
    }

    public Prescription prescription(String slug) {
        return prescriptions.stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Plan " + id + " holds no prescription for " + slug));
    }
}
