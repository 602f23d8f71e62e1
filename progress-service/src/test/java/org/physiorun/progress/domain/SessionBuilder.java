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
    private int phaseAtLogging = 1;
    private boolean outOfPhase;

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

    SessionBuilder loggedIn(int phase, boolean outOfPhaseThen) {
        phaseAtLogging = phase;
        outOfPhase = outOfPhaseThen;
        return this;
    }

    SessionLog build() {
        return new SessionLog(eventId, exercise, performedAt, sets, reps, holdSeconds, distanceMetres, efforts,
                intensityPercent, painDuring, painAfter, fullRange, tightness, phaseAtLogging, outOfPhase);
    }
}
