package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.Advice;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.messaging.KafkaSender;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST intake: checks a session against the athlete's plan, tells the runner at once what it means (pain above
 * the ceiling, a session that will count toward nothing), and puts it on {@code session-events}, answering only once
 * Kafka holds it. The consumer counts it from there, like any other producer's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionIntake {

    static final String TOPIC = "session-events";

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final AthleteTimelines timelines;
    private final KafkaSender kafka;
    private final ObjectMapper json;
    private final ProgressConfig config;

    SessionIntake(ProgressRepository repository, GatePlans gatePlans, AthleteTimelines timelines, KafkaSender kafka,
                  ObjectMapper json, ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.timelines = timelines;
        this.kafka = kafka;
        this.json = json;
        this.config = config;
    }

    /** @return the advice for the runner, given before the session is counted */
    public List<Advice> submit(SessionEvent session, EnteredBy enteredBy) {
        if (repository.sessionExists(session.eventId())) {
            return List.of(); // posted before: counted once, nothing changes
        }
        AthletePlan plan = repository.activePlan(session.athleteId()).orElseThrow(() -> new ProblemException(409,
                "/problems/no-active-plan", "No active plan",
                "Athlete '" + session.athleteId() + "' has no active plan: make one with POST /api/plans first."));
        Instant now = Instant.now();
        GatePlan gates = gatePlans.of(plan);
        SessionChecks.against(session, gates, now, config.clockSkew()).ifPresent(refusal -> {
            throw ProblemException.invalid(refusal.field(), refusal.message());
        });
        SessionLog log = session.toLog(now, enteredBy);
        List<Advice> advice = Advice.forSession(gates, log, timelines.preview(plan, log, now));
        publish(session, enteredBy, now);
        return advice;
    }

    private void publish(SessionEvent session, EnteredBy enteredBy, Instant now) {
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, null, now.toEpochMilli(),
                    session.athleteId().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(session));
            record.headers().add(SessionEvent.ENTERED_BY_HEADER, enteredBy.code().getBytes(StandardCharsets.UTF_8));
            kafka.send(record).get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A valid session cannot be written as JSON", e);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ProblemException.unavailable("The session could not be queued for counting; send it again.", 5);
        }
    }
}
