package org.physiorun.progress.service;

import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;

import java.time.Instant;

/** A session as it arrived: the event, when it was first received, and who entered it. */
public record LoggedSession(SessionEvent event, Instant loggedAt, EnteredBy enteredBy) {
}
