package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the rules keep of an athlete where the last walk through the plan stopped, so that the next sessions are
 * judged from here instead of walking every session again: where the athlete stands, the judged sessions of the
 * current phase that a criterion can still read, and what the time rules of section 4a remember (the sessions
 * counted per day and per week, the last sprint session). {@code position} is the last moment the walk judged a
 * session or took a decision at (a day that changed nothing is visited again), {@code asOf} the time it was walked
 * as of; {@code sessions} how many sessions it
 * took in, which tells the caller whether every stored session is in it.
 */
public record AthleteChart(ProgressState state, Instant position, Instant asOf, int sessions, List<Judged> stint,
                           List<Tally> perDay, List<Tally> perWeek, Instant lastSprint) {

    public AthleteChart {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(asOf, "asOf");
        stint = List.copyOf(stint);
        perDay = List.copyOf(perDay);
        perWeek = List.copyOf(perWeek);
    }

    /** A session as it was judged in the phase; {@code level} is the sprint level at the time (null otherwise). */
    public record Judged(SessionLog session, Verdict verdict, Integer level) {

        boolean counted() {
            return verdict.counted();
        }
    }

    /** How many sessions of {@code exercise} counted on the day or in the week (from its Monday) {@code from}. */
    public record Tally(String exercise, LocalDate from, int sessions) {
    }

    /**
     * Whether these new sessions can be judged from the chart as of {@code now}: each performed after its position
     * and received by {@code now}, and {@code now} no earlier than the walk (which may have taken
     * in a session received after it). A session performed earlier changes what later ones meant, so the whole plan
     * must be walked again.
     */
    public boolean takes(List<SessionLog> sessions, Instant now) {
        return !now.isBefore(asOf) && sessions.stream()
                .allMatch(session -> session.judgedAt().isAfter(position) && !session.loggedAt().isAfter(now));
    }
}
