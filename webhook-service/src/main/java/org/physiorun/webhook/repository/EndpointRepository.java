package org.physiorun.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered endpoints; every read is within one clinic. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EndpointRepository {

    private final EntityManager em;

    EndpointRepository(EntityManager em) {
        this.em = em;
    }

    public void add(Endpoint endpoint) {
        em.persist(endpoint);
    }

    public Optional<Endpoint> find(UUID id, String clinicId) {
        return Optional.ofNullable(em.find(Endpoint.class, id)).filter(e -> e.clinicId.equals(clinicId));
    }

    public List<Endpoint> ofClinic(String clinicId) {
        return em.createQuery("FROM Endpoint WHERE clinicId = :clinic ORDER BY createdAt, id", Endpoint.class)
                .setParameter("clinic", clinicId).getResultList();
    }

    public void remove(Endpoint endpoint) {
        em.remove(endpoint);
    }

    /** The enabled endpoints of {@code clinicId} that want events of {@code type}. */
    public List<UUID> receiving(String clinicId, String type) {
        return em.createQuery("FROM Endpoint WHERE clinicId = :clinic AND enabled = TRUE", Endpoint.class)
                .setParameter("clinic", clinicId).getResultList().stream()
                .filter(e -> e.eventTypes().isEmpty() || e.eventTypes().contains(type))
                .map(e -> e.id).toList();
    }

    /** Stops deliveries to the endpoint; its pending ones stay, and show what it missed. */
    public void disable(UUID id, String reason) {
        em.createQuery("UPDATE Endpoint SET enabled = FALSE, disabledReason = :reason WHERE id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate();
    }
}
