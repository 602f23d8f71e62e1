package org.physiorun.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The CloudEvent ids already turned into deliveries: the unique key makes a redelivered record harmless. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** Records the id in the caller's transaction; false when it was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
