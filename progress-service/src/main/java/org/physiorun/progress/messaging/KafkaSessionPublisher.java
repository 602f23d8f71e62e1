package org.physiorun.progress.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.service.SessionPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    public void publish(SessionEvent session, EnteredBy enteredBy, Instant loggedAt) {
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, null, loggedAt.toEpochMilli(),
                    session.athleteId().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(session));
            record.headers().add(SessionEvent.ENTERED_BY_HEADER, enteredBy.code().getBytes(StandardCharsets.UTF_8));
            // one deadline for both waits: the metadata in send() and the acknowledgement
            long deadline = System.nanoTime() + config.publishTimeout().toNanos();
            Future<RecordMetadata> ack = kafka.send(record);
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A valid session cannot be written as JSON", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new SessionNotQueued(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionNotQueued(e);
        }
    }
}
