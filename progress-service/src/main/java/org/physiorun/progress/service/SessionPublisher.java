package org.physiorun.progress.service;

import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;

import java.time.Instant;

/** Puts a posted session on {@code session-events}, returning only once the broker holds it. */
public interface SessionPublisher {

    /**
     * @param loggedAt when the session was received: the record's timestamp, the rules' "logged" instant
     * @throws SessionNotQueued when the broker did not take it in time
     */
    void publish(SessionEvent session, EnteredBy enteredBy, Instant loggedAt);

    /** The broker did not take the session: the client may send it again (same eventId, counted once). */
    class SessionNotQueued extends RuntimeException {

        public SessionNotQueued(Throwable cause) {
            super("The session could not be put on session-events", cause);
        }
    }
}
