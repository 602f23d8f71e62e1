package org.physiorun.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Stores an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then for certain (the {@link OutboxRelay} retries until the broker has it).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    Outbox(EntityManager em, ObjectMapper json, Event<OutboxWritten> written) {
        this.em = em;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, CloudEvent<?> event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.id();
        message.topic = topic;
        message.messageKey = key;
        try {
            message.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " cannot be written as JSON", e);
        }
        message.createdAt = Instant.now();
        em.persist(message);
        written.fire(new OutboxWritten());
    }

    /** Fired in the writing transaction; the relay hears it only after that transaction committed. */
    public record OutboxWritten() {
    }
}
