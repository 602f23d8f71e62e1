package org.physiorun.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.KafkaTestClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox relay when several instances of a service share one database (here progress-service's, since the
 * outbox needs a service's datasource and broker): while another instance's relay holds the database's relay
 * lock, this one publishes nothing; once it is released, everything goes out in the order it was stored.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class OneRelayAtATimeTest {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void whileAnotherInstancesRelayPublishesThisOneWaitsThenSendsEverythingInOrder() throws Exception {
        String athlete = "relay-" + UUID.randomUUID();
        List<UUID> stored = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            for (int i = 0; i < stored.size(); i++) {
                CloudEvent<Map<String, Integer>> event = CloudEvent.of(stored.get(i), "/tests/outbox",
                        "physiorun.test.relay-order", athlete, Instant.now(), Map.of("n", i));
                QuarkusTransaction.requiringNew().run(() -> outbox.add("progression-events", athlete, event));
            }

            assertEquals(0, relay.publishBatch(), "a relay without the lock sends nothing");
            Thread.sleep(1500); // the background relay's sweep comes round as well, and must send nothing either
            assertEquals(stored.size(), unpublished(athlete));
            otherInstance.rollback(); // the other relay's batch is done: the lock is free
        }

        List<JsonNode> published = new KafkaTestClient(RealServers.kafkaBootstrapServers())
                .progressionEvents(athlete, stored.size(), Duration.ofSeconds(20));
        assertEquals(stored.stream().map(UUID::toString).toList(),
                published.stream().map(event -> event.get("id").asText()).toList());
        assertEquals(0, unpublished(athlete));
    }

    private long unpublished(String athlete) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE message_key = ? AND published_at IS NULL")) {
            count.setString(1, athlete);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
