package org.physiorun.progress.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.service.SessionPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Sessions from the REST intake onto {@code session-events}, keyed by athlete, with who entered them. */
@ApplicationScoped
public class KafkaSessionPublisher implements SessionPublisher {

    static final String TOPIC = "session-events";

    private final KafkaSender kafka;
    private final ObjectMapper json;
    private final ProgressConfig config;

    KafkaSessionPublisher(KafkaSender kafka, ObjectMapper json, ProgressConfig config) {
        this.kafka = kafka;
        this.json = json;
        this.config = config;
    }

    @Override
    public CompletionStage<Void> publish(SessionEvent session, EnteredBy enteredBy, Instant loggedAt) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = new ProducerRecord<>(TOPIC, null, loggedAt.toEpochMilli(),
                    session.athleteId().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(session));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A valid session cannot be written as JSON", e);
        }
        record.headers().add(SessionEvent.ENTERED_BY_HEADER, enteredBy.code().getBytes(StandardCharsets.UTF_8));
        // one deadline for both waits: the metadata in send() and the acknowledgement
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        CompletableFuture<Void> queued = new CompletableFuture<>();
        try {
            kafka.send(record)
                    .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .whenComplete((metadata, failure) -> {
                        if (failure == null) {
                            queued.complete(null);
                        } else {
                            queued.completeExceptionally(new SessionNotQueued(failure));
                        }
                    });
        } catch (KafkaException e) {
            queued.completeExceptionally(new SessionNotQueued(e));
        }
        return queued;
    }
}
