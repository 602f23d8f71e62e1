package org.physiorun.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.KafkaTestClient;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The outbox on the real servers (inside progress-service, whose datasource and broker it needs): what is stored
 * waits for the broker and then goes out in stored order, a crash between the broker's acknowledgement and the mark
 * sends the same ids again and never new ones, a rolled-back transaction sends nothing, and old published rows are
 * cleaned up while unpublished ones stay.
 * <p>
 * Where a test needs the relay to itself, the application's relay is stopped for its duration and a relay of the
 * test's own, pointed at an address where the broker answers only later, does the publishing.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class OutboxRelayTest {

    private static final String TOPIC = "progression-events";

    @Inject
    OutboxRelay applicationRelay;
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;

    private final KafkaTestClient kafka = new KafkaTestClient(RealServers.kafkaBootstrapServers());

    @Test
    void whatWasStoredWhileTheBrokerWasAwayGoesOutInStoredOrderOnceItIsBack() throws Exception {
        List<String> athletes = List.of("outbox-a-" + UUID.randomUUID(), "outbox-b-" + UUID.randomUUID());
        List<UUID> stored = publishThroughALateBroker(() -> IntStream.range(0, 6)
                .mapToObj(i -> store(athletes.get(i % 2), i)).toList(), stillStored -> {
            Thread.sleep(2000); // the broker stays away a while: the relay waits in its batch, marking nothing
            assertEquals(stillStored.size(), unpublished(stillStored), "nothing is marked while the broker is away");
        });

        for (int a = 0; a < athletes.size(); a++) {
            int athlete = a;
            List<UUID> expected = stored.stream().filter(id -> stored.indexOf(id) % 2 == athlete).toList();
            assertEquals(expected, ids(kafka.await(TOPIC, athletes.get(a), expected.size(), Duration.ofSeconds(30))),
                    "each athlete's events in the order they were stored, each once");
        }
    }

    @Test
    void aCrashBetweenTheBrokersAcknowledgementAndTheMarkSendsTheSameIdsAgainAndNoNewOnes() throws Exception {
        String athlete = "outbox-crash-" + UUID.randomUUID();
        // The relay has read the batch and waits for the broker; its database session dies meanwhile, so the broker
        // will acknowledge events whose mark can no longer be written.
        List<UUID> stored = publishThroughALateBroker(() -> IntStream.range(0, 3).mapToObj(i -> store(athlete, i)).toList(),
                whileAway -> assertEquals(1, terminateRelaySession()));

        // Every send was acknowledged before its mark: the topic already holds all there will be for this athlete.
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(TOPIC, KafkaTestClient.keyIn(Set.of(athlete)));
        List<UUID> twice = new ArrayList<>(stored);
        twice.addAll(stored);
        System.out.printf("FIGURES outbox crash between ack and mark: stored=%d, records on topic=%d, same-id redeliveries=%d, new ids=%d%n",
                stored.size(), records.size(), records.size() - stored.size(),
                ids(records).stream().filter(id -> !stored.contains(id)).count());
        assertEquals(twice, ids(records), "the acknowledged batch, then the same events again with the same ids");
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(value(records.get(i)), value(records.get(i + stored.size())), "the same event, byte for byte");
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        String athlete = "outbox-rollback-" + UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(TOPIC, athlete, event(rolledBack, athlete, 0));
            throw new IllegalStateException("the state change that wrote the event fails");
        }));
        assertEquals(0, rows(List.of(rolledBack)), "the event went with the transaction");

        // A committed event stored after it: once it is on the topic, the relay has swept past where the other would be.
        UUID committed = store(athlete, 1);
        assertEquals(List.of(committed), ids(kafka.await(TOPIC, athlete, 1, Duration.ofSeconds(30))));
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(List.of(committed)) == 0);
        assertEquals(List.of(committed), ids(kafka.readAll(TOPIC, KafkaTestClient.keyIn(Set.of(athlete)))));
    }

    @Test
    void theCleanUpDeletesRowsPublishedOverAWeekAgoAndKeepsUnpublishedOnesHoweverOld() throws Exception {
        String athlete = "outbox-cleanup-" + UUID.randomUUID();
        applicationRelay.stop(null); // the unpublished row must stay unpublished
        try {
            UUID publishedLongAgo = store(athlete, 0);
            UUID publishedThisWeek = store(athlete, 1);
            UUID neverPublished = store(athlete, 2);
            update("UPDATE outbox_message SET published_at = now() - interval '8 days' WHERE event_id = ?", publishedLongAgo);
            update("UPDATE outbox_message SET published_at = now() - interval '6 days' WHERE event_id = ?", publishedThisWeek);
            update("UPDATE outbox_message SET created_at = now() - interval '30 days' WHERE event_id = ?", neverPublished);

            applicationRelay.deleteOldPublished();

            assertEquals(0, rows(List.of(publishedLongAgo)));
            assertEquals(2, rows(List.of(publishedThisWeek, neverPublished)));
            assertEquals(1, unpublished(List.of(neverPublished)));
        } finally {
            applicationRelay.start(null);
        }
    }

    /** What a test does while the broker is away, with the events stored. */
    private interface WhileAway {
        void run(List<UUID> stored) throws Exception;
    }

    /**
     * Stores events while the application's relay is stopped and a relay of the test's own waits for a broker that does
     * not answer yet; once that relay is in its batch, runs {@code whileAway}, lets the broker answer and waits until
     * every stored event is marked published. The application's relay runs again afterwards.
     *
     * @return the ids of the events stored, in the order they were stored
     */
    private List<UUID> publishThroughALateBroker(Supplier<List<UUID>> storeEvents, WhileAway whileAway) throws Exception {
        applicationRelay.stop(null);
        try (LateBrokerAddress broker = new LateBrokerAddress(RealServers.kafkaBootstrapServers())) {
            List<UUID> stored = storeEvents.get();
            OutboxRelay relay = new OutboxRelay(dataSource, Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()));
            relay.start(null);
            try {
                awaitRelayInABatch();
                whileAway.run(stored);
                broker.open();
                await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(stored) == 0);
            } finally {
                relay.stop(null);
            }
            return stored;
        } finally {
            applicationRelay.start(null);
        }
    }

    private UUID store(String athlete, int n) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.add(TOPIC, athlete, event(id, athlete, n)));
        return id;
    }

    private static CloudEvent<Map<String, Integer>> event(UUID id, String athlete, int n) {
        return CloudEvent.of(id, "/tests/outbox", "physiorun.test.outbox", athlete, Instant.now(), Map.of("n", n));
    }

    /** Waits until a relay holds the relay lock: it has started a batch (and, with the broker away, stays in it). */
    private void awaitRelayInABatch() {
        await().atMost(Duration.ofSeconds(20)).until(() -> relaySessions().size() == 1);
    }

    private int terminateRelaySession() throws SQLException {
        int terminated = 0;
        for (int pid : relaySessions()) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                try (ResultSet rs = kill.executeQuery()) {
                    terminated += rs.next() && rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return terminated;
    }

    /** The database sessions holding the relay lock (a bigint advisory lock: the low half is the objid). */
    private List<Integer> relaySessions() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement holders = c.prepareStatement("""
                     SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
                     AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1""")) {
            holders.setLong(1, OutboxRelay.RELAY_LOCK >>> 32);
            holders.setLong(2, OutboxRelay.RELAY_LOCK & 0xffffffffL);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rs = holders.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        }
    }

    private long unpublished(Collection<UUID> ids) throws SQLException {
        return count("SELECT count(*) FROM outbox_message WHERE event_id = ANY (?) AND published_at IS NULL", ids);
    }

    private long rows(Collection<UUID> ids) throws SQLException {
        return count("SELECT count(*) FROM outbox_message WHERE event_id = ANY (?)", ids);
    }

    private long count(String sql, Collection<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(sql)) {
            count.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, id);
            assertEquals(1, update.executeUpdate(), sql);
        }
    }

    private static List<UUID> ids(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> UUID.fromString(KafkaTestClient.json(r).get("id").asText())).toList();
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
