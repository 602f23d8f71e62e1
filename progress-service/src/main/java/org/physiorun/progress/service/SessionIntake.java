package org.physiorun.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.Advice;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.ProgressRepository.SessionIntakeView;
import org.physiorun.support.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The REST intake: checks a session against the athlete's plan, tells the runner at once what it means (pain above
 * the ceiling, a session that will count toward nothing), and puts it on {@code session-events}, answering only once
 * Kafka holds it. The consumer counts it from there, like any other producer's. No thread waits for the broker's
 * acknowledgement, so a burst of posts does not fill the worker pool with threads parked on it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionIntake {

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final AthleteTimelines timelines;
    private final SessionPublisher publisher;
    private final ProgressConfig config;

    SessionIntake(ProgressRepository repository, GatePlans gatePlans, AthleteTimelines timelines,
                  SessionPublisher publisher, ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.timelines = timelines;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * @return the advice for the runner, given before the session is counted, once the session is on the topic;
     *         a 503 problem when the broker did not take it in time
     */
    public CompletionStage<List<Advice>> submit(SessionEvent session, EnteredBy enteredBy) {
        Optional<SessionIntakeView> view = repository.sessionIntakeView(session.athleteId(), session.eventId());
        if (view.map(SessionIntakeView::alreadyStored).orElseGet(() -> repository.sessionExists(session.eventId()))) {
            return CompletableFuture.completedFuture(List.of()); // posted before: counted once, nothing changes
        }
        SessionIntakeView athlete = view.orElseThrow(() -> new ProblemException(409,
                "/problems/no-active-plan", "No active plan",
                "Athlete '" + session.athleteId() + "' has no active plan: make one with POST /api/plans first."));
        AthletePlan plan = athlete.plan();
        Instant now = Instant.now();
        GatePlan gates = gatePlans.of(plan);
        SessionChecks.against(session, gates, now, config.clockSkew()).ifPresent(refusal -> {
            throw ProblemException.invalid(refusal.field(), refusal.message());
        });
        SessionLog log = session.toLog(now, enteredBy);
        List<Advice> advice = Advice.forSession(gates, log,
                timelines.preview(plan, Optional.ofNullable(athlete.progress()), log, now));
        CompletableFuture<List<Advice>> answered = new CompletableFuture<>();
        publisher.publish(session, enteredBy, now).whenComplete((queued, failure) -> {
            if (failure == null) {
                answered.complete(advice);
            } else if (failure instanceof SessionPublisher.SessionNotQueued) {
                answered.completeExceptionally(ProblemException.unavailable(
                        "The session could not be queued for counting; send it again.", 5));
            } else {
                answered.completeExceptionally(failure);
            }
        });
        return answered;
    }
}
