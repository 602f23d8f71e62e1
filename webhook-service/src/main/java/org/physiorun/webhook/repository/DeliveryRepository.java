package org.physiorun.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.physiorun.webhook.domain.DeliveryStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The deliveries, and how senders share them. A sender claims due deliveries for a lease (a token and an expiry)
 * in one short transaction, sends them outside any transaction, and records each result only while its claim
 * holds: a second instance never takes a claimed delivery, and one whose sender died is taken up again once the
 * lease has run out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryRepository {

    /**
     * Due deliveries to enabled endpoints, each the oldest pending one of its athlete at its endpoint (so that an
     * athlete's events arrive in order, a later one waiting while an earlier one waits for its retry), and of each
     * endpoint only as many as bring this instance's sends to it up to {@code :per_endpoint}. Locked rows are
     * skipped: another sender is claiming them.
     */
    private static final String CLAIM = """
            WITH sending AS (
                SELECT * FROM unnest(CAST(:sending_to AS uuid[]), CAST(:sending_count AS int[])) AS s(endpoint_id, n)
            ), eligible AS (
                SELECT d.seq,
                       COALESCE(s.n, 0) + row_number() OVER (PARTITION BY d.endpoint_id
                                                             ORDER BY d.next_attempt_at, d.seq) AS place
                FROM delivery d JOIN endpoint e ON e.id = d.endpoint_id
                     LEFT JOIN sending s ON s.endpoint_id = d.endpoint_id
                WHERE d.status = 'PENDING' AND e.enabled AND d.next_attempt_at <= now()
                  AND (d.claimed_until IS NULL OR d.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM delivery earlier
                                  WHERE earlier.endpoint_id = d.endpoint_id AND earlier.athlete_id = d.athlete_id
                                    AND earlier.status = 'PENDING' AND earlier.seq < d.seq)
            ), chosen AS (
                SELECT d.seq FROM delivery d
                WHERE d.seq IN (SELECT seq FROM eligible WHERE place <= :per_endpoint)
                  AND d.status = 'PENDING' AND (d.claimed_until IS NULL OR d.claimed_until < now())
                ORDER BY d.next_attempt_at, d.seq
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE delivery d SET claimed_until = now() + CAST(:lease_ms || ' milliseconds' AS interval),
                                  claim_token = :token
            FROM chosen c, endpoint e
            WHERE d.seq = c.seq AND e.id = d.endpoint_id
            RETURNING d.seq AS seq, d.endpoint_id AS endpoint_id, d.event_id AS event_id, d.body AS body,
                      d.attempts AS attempts, e.url AS url, e.secret AS secret
            """;

    private final EntityManager em;

    DeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** A delivery of the event to the endpoint, due now; nothing when the endpoint has it already. */
    public void enqueue(UUID endpointId, String eventId, String athleteId, String type, String body, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO delivery (endpoint_id, event_id, athlete_id, type, body, status, next_attempt_at,
                                              created_at)
                        VALUES (:endpoint, :event, :athlete, :type, :body, 'PENDING', :now, :now)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .setParameter("endpoint", endpointId).setParameter("event", eventId)
                .setParameter("athlete", athleteId).setParameter("type", type).setParameter("body", body)
                .setParameter("now", now).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}.
     *
     * @param sending how many sends to each endpoint are in flight here
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claim(int limit, int perEndpoint, Map<UUID, Integer> sending, Duration lease) {
        UUID token = UUID.randomUUID();
        List<Map.Entry<UUID, Integer>> inFlight = List.copyOf(sending.entrySet());
        List<Tuple> rows = em.createNativeQuery(CLAIM, Tuple.class)
                .setParameter("sending_to", array(inFlight.stream().map(e -> e.getKey().toString())))
                .setParameter("sending_count", array(inFlight.stream().map(e -> e.getValue().toString())))
                .setParameter("per_endpoint", perEndpoint).setParameter("limit", limit)
                .setParameter("lease_ms", Long.toString(lease.toMillis())).setParameter("token", token)
                .getResultList();
        return rows.stream().map(row -> new Claim(row.get("seq", Long.class), token,
                row.get("endpoint_id", UUID.class), row.get("event_id", String.class), row.get("body", String.class),
                row.get("attempts", Integer.class), row.get("url", String.class), row.get("secret", String.class)))
                .toList();
    }

    /**
     * Records an attempt's result, if the claim still holds; false when it ran out and another sender may have
     * the delivery now (which then sends it again: at least once).
     */
    public boolean record(Claim claim, DeliveryStatus status, Integer statusCode, String error, Instant nextAttemptAt,
                          Instant deliveredAt) {
        return em.createNativeQuery("""
                        UPDATE delivery SET status = :status, attempts = attempts + 1, last_status_code = :code,
                                            last_error = :error, next_attempt_at = :next, delivered_at = :delivered,
                                            claimed_until = NULL, claim_token = NULL
                        WHERE seq = :seq AND claim_token = :token""")
                .setParameter("status", status.name()).setParameter("code", statusCode)
                .setParameter("error", error == null ? null : truncate(error))
                .setParameter("next", nextAttemptAt).setParameter("delivered", deliveredAt)
                .setParameter("seq", claim.seq()).setParameter("token", claim.token())
                .executeUpdate() == 1;
    }

    /** The endpoint's deliveries, newest first. */
    public List<Delivery> ofEndpoint(UUID endpointId, int limit) {
        return em.createQuery("FROM Delivery WHERE endpointId = :endpoint ORDER BY seq DESC", Delivery.class)
                .setParameter("endpoint", endpointId).setMaxResults(limit).getResultList();
    }

    public Optional<Delivery> find(UUID endpointId, String eventId) {
        return em.createQuery("FROM Delivery WHERE endpointId = :endpoint AND eventId = :event", Delivery.class)
                .setParameter("endpoint", endpointId).setParameter("event", eventId)
                .getResultList().stream().findFirst();
    }

    /**
     * Makes the delivery due now, whatever it stands at. A claim in flight is left alone: its result still counts,
     * and the delivery goes out once more at most.
     */
    public boolean dueNow(UUID endpointId, String eventId, Instant now) {
        return em.createNativeQuery("""
                        UPDATE delivery SET status = 'PENDING', next_attempt_at = :now
                        WHERE endpoint_id = :endpoint AND event_id = :event""")
                .setParameter("now", now).setParameter("endpoint", endpointId).setParameter("event", eventId)
                .executeUpdate() == 1;
    }

    /** A PostgreSQL array literal, for a parameter cast to an array type. */
    private static String array(Stream<String> elements) {
        return elements.collect(Collectors.joining(",", "{", "}"));
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
