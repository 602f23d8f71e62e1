package org.physiorun.progress.service;

import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Puts a posted session on {@code session-events}; what it returns completes once the broker holds it. */
public interface SessionPublisher {

    /**
     * @param loggedAt when the session was received: the record's timestamp, the rules' "logged" instant
     * @return completes once the broker holds the session, or fails with {@link SessionNotQueued} when it did not
     *         take it in time; no thread waits for it meanwhile
     */
    CompletionStage<Void> publish(SessionEvent session, EnteredBy enteredBy, Instant loggedAt);

    /** The broker did not take the session: the client may send it again (same eventId, counted once). */
    class SessionNotQueued extends RuntimeException {

        public SessionNotQueued(Throwable cause) {
            super("The session could not be put on session-events", cause);
        }
    }
}
