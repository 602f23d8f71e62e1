package org.physiorun.progress.messaging;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.service.LoggedSession;
import org.physiorun.progress.service.SessionIngest;
import org.physiorun.support.messaging.ConsumerRetry;
import org.physiorun.support.messaging.RecordFault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads {@code session-events} in batches (per-athlete order holds: the key is the athlete). Whatever cannot
 * be counted goes, unchanged, to {@code session-events-dlq} with its reason and origin in headers; the
 * consumer never stops on a bad record.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "session-events-dlq";
    /** The worker pool that judges the batches, one thread per consumer of the channel. */
    static final String POOL = "session-judging";
    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    private final SessionIngest ingest;
    private final ObjectMapper json;
    private final Validator validator;
    private final KafkaSender kafka;

    SessionEventsConsumer(SessionIngest ingest, ObjectMapper json, Validator validator, KafkaSender kafka) {
        this.ingest = ingest;
        this.json = json;
        this.validator = validator;
        this.kafka = kafka;
    }

    // A failure that reaches the retry is the database or the broker away: the batch is tried again (idempotent).
    // Judged on threads of its own: on the worker pool the REST intake shares, no batch ran in a flight recording
    // of the 500/s bench while the burst of posts held that pool.
    @Incoming("session-events")
    @Blocking(SessionEventsConsumer.POOL)
    @ApplyGuard(ConsumerRetry.GUARD)
    public void consume(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>();
        List<LoggedSession> sessions = new ArrayList<>();
        List<Future<RecordMetadata>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String problem;
            try {
                SessionEvent session = json.readValue(record.value(), SessionEvent.class);
                problem = violations(session);
                if (problem == null) {
                    readable.add(record);
                    sessions.add(new LoggedSession(session, Instant.ofEpochMilli(record.timestamp()), enteredBy(record)));
                    continue;
                }
            } catch (JsonParseException e) {
                problem = "not-json: " + e.getOriginalMessage();
            } catch (JsonMappingException e) {
                problem = "wrong-type: " + e.getPathReference() + ": " + e.getOriginalMessage();
            } catch (IOException | IllegalArgumentException e) {
                problem = "unreadable: " + e.getMessage();
            }
            deadLettered.add(deadLetter(record, problem));
        }
        for (var rejection : ingestOrIsolate(sessions)) {
            deadLettered.add(deadLetter(readable.get(rejection.index()), rejection.reason()));
        }
        // The batch is acknowledged (offsets committed) only once the dead-letter topic holds the rejects.
        for (Future<RecordMetadata> ack : deadLettered) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The batch in one transaction; when a record in it is one the database can never store, the batch is taken
     * again one session at a time, in order, so that only that record is rejected and the rest are counted.
     */
    private List<SessionIngest.Rejection> ingestOrIsolate(List<LoggedSession> sessions) {
        try {
            return ingest.ingest(sessions, Instant.now());
        } catch (RuntimeException batchFailure) {
            RecordFault.reasonOrRethrow(batchFailure);
        }
        List<SessionIngest.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int index = i;
            try {
                ingest.ingest(List.of(sessions.get(i)), Instant.now())
                        .forEach(alone -> rejections.add(new SessionIngest.Rejection(index, alone.reason())));
            } catch (RuntimeException failure) {
                rejections.add(new SessionIngest.Rejection(i, "unstorable: " + RecordFault.reasonOrRethrow(failure)));
            }
        }
        return rejections;
    }

    // Only progress-service's own intake names who entered a session; other producers are the operator's own.
    private static EnteredBy enteredBy(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(SessionEvent.ENTERED_BY_HEADER);
        if (header == null) {
            return EnteredBy.PRODUCER;
        }
        try {
            return EnteredBy.ofCode(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return EnteredBy.PRODUCER;
        }
    }

    private String violations(SessionEvent session) {
        Set<ConstraintViolation<SessionEvent>> violations = validator.validate(session);
        if (violations.isEmpty()) {
            return null;
        }
        return "invalid: " + violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        LOG.warnf("Session record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                DEAD_LETTER_TOPIC, reason);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(DEAD_LETTER_TOPIC, record.key(), record.value());
        dead.headers()
                .add("dlq-reason", bytes(reason))
                .add("dlq-original-topic", bytes(record.topic()))
                .add("dlq-original-partition", bytes(Integer.toString(record.partition())))
                .add("dlq-original-offset", bytes(Long.toString(record.offset())));
        return kafka.send(dead);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
