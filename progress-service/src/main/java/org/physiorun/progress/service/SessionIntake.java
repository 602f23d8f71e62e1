package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.messaging.KafkaSender;
import org.physiorun.progress.messaging.SessionEvent;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST intake: checks a session against the athlete's plan and puts it on {@code session-events},
 * answering only once Kafka holds it. The consumer counts it from there, like any other producer's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SessionIntake {

    static final String TOPIC = "session-events";

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final KafkaSender kafka;
    private final ObjectMapper json;
    private final ProgressConfig config;

    SessionIntake(ProgressRepository repository, GatePlans gatePlans, KafkaSender kafka, ObjectMapper json,
                  ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.kafka = kafka;
        this.json = json;
        this.config = config;
    }

    public void submit(SessionEvent session) {
        if (repository.sessionExists(session.eventId())) {
            return; // posted before: counted once, nothing changes
        }
        AthletePlan plan = repository.activePlan(session.athleteId()).orElseThrow(() -> new ProblemException(409,
                "/problems/no-active-plan", "No active plan",
                "Athlete '" + session.athleteId() + "' has no active plan: make one with POST /api/plans first."));
        SessionChecks.against(session, gatePlans.of(plan), Instant.now(), config.clockSkew()).ifPresent(refusal -> {
            throw ProblemException.invalid(refusal.field(), refusal.message());
        });
        try {
            kafka.send(new ProducerRecord<>(TOPIC, session.athleteId().getBytes(StandardCharsets.UTF_8),
                            json.writeValueAsBytes(session)))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
