package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.UUID;

/** Builds a session that starts out exactly at the prescribed minimum, pain-free, at full range, not tight. */
final class SessionBuilder {

    private UUID eventId = UUID.randomUUID();
    private final String exercise;
    private Instant performedAt;
    private Integer sets;
    private Integer reps;
    private Integer holdSeconds;
    private Integer distanceMetres;
    private Integer efforts;
    private Integer intensityPercent;
    private Integer painDuring = 0;
    private Integer painAfter = 0;
    private Boolean fullRange = true;
    private Boolean tightness = false;
    private Instant loggedAt;
    private EnteredBy enteredBy = EnteredBy.RUNNER;

    private SessionBuilder(String exercise) {
        this.exercise = exercise;
    }

    static SessionBuilder atDose(GatePlan plan, String exercise) {
        SessionBuilder builder = new SessionBuilder(exercise);
        plan.prescription(exercise).ifPresent(p -> {
            builder.sets = p.sets();
            // A sprint session logs its repetitions as efforts.
            builder.reps = p.minEfforts() == null ? p.repsMin() : null;
            builder.holdSeconds = p.holdSecondsMin();
            builder.distanceMetres = p.distanceMetresMin();
            builder.efforts = p.minEfforts();
        });
        return builder;
    }

    String exercise() {
        return exercise;
    }

    SessionBuilder eventId(UUID id) {
        eventId = id;
        return this;
    }

    SessionBuilder at(Instant instant) {
        performedAt = instant;
        return this;
    }

    SessionBuilder sets(Integer value) {
        sets = value;
        return this;
    }

    SessionBuilder reps(Integer value) {
        reps = value;
        return this;
    }

    SessionBuilder holdSeconds(Integer value) {
        holdSeconds = value;
        return this;
    }

    SessionBuilder distanceMetres(Integer value) {
        distanceMetres = value;
        return this;
    }

    SessionBuilder efforts(Integer value) {
        efforts = value;
        return this;
    }

    SessionBuilder intensity(Integer percent) {
        intensityPercent = percent;
        return this;
    }

    SessionBuilder pain(Integer during, Integer after) {
        painDuring = during;
        painAfter = after;
        return this;
    }

    SessionBuilder pain(int during) {
        return pain(during, 0);
    }

    SessionBuilder fullRange(Boolean value) {
        fullRange = value;
        return this;
    }

    SessionBuilder tight() {
        tightness = true;
        return this;
    }

    SessionBuilder noTightnessSaid() {
        tightness = null;
        return this;
    }

    /** When progress-service first received it; by default a minute after it was performed. */
    SessionBuilder loggedAt(Instant instant) {
        loggedAt = instant;
        return this;
    }

    SessionBuilder enteredBy(EnteredBy who) {
        enteredBy = who;
        return this;
    }

    Instant performedAt() {
        return performedAt;
    }

    SessionLog build() {
        Instant logged = loggedAt != null ? loggedAt : performedAt.plus(Athlete.PROCESSING_LAG);
        return new SessionLog(eventId, exercise, performedAt, logged, enteredBy, sets, reps, holdSeconds,
                distanceMetres, efforts, intensityPercent, painDuring, painAfter, fullRange, tightness);
    }
}
