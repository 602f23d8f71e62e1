package org.physiorun.progress.service;

import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.events.SessionEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a session must satisfy against the athlete's plan, beyond its own field constraints. Both the
 * REST intake and the Kafka consumer ask, since other producers write to the topic too.
 */
final class SessionChecks {

    private SessionChecks() {
    }

    /** A refusal names the field at fault and says why in words a runner understands. */
    record Refusal(String field, String message) {
    }

    static Optional<Refusal> against(SessionEvent session, GatePlan plan, Instant now, Duration clockSkew) {
        if (!plan.isLoggable(session.exercise())) {
            return Optional.of(new Refusal("exercise",
                    "'" + session.exercise() + "' is neither an exercise of the plan nor " + GatePlan.EASY_RUN));
        }
        Instant programmeStart = plan.injuryDate().atStartOfDay(plan.timeZone()).toInstant();
        if (session.performedAt().isBefore(programmeStart)) {
            return Optional.of(new Refusal("performedAt", "is before the injury date " + plan.injuryDate()));
        }
        if (session.performedAt().isAfter(now.plus(clockSkew))) {
            return Optional.of(new Refusal("performedAt", "is in the future"));
        }
        if (plan.ladder().exercise().equals(session.exercise()) && session.intensityPercent() == null) {
            return Optional.of(new Refusal("intensityPercent", "is required for a sprint session (0-100)"));
        }
        // In the drills that send a runner back a phase, "no tightness" must be said, not assumed (4a, rule 11).
        if (plan.regression().exercises().contains(session.exercise()) && session.tightness() == null) {
            return Optional.of(new Refusal("tightness", "is required for this exercise (true or false)"));
        }
        return Optional.empty();
    }
}
