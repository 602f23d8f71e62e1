package org.physiorun.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka in order, then marks what the broker acknowledged. It wakes when a
 * transaction that wrote to the outbox commits, and sweeps every second anyway, so nothing stored is
 * ever left behind. A crash between the broker's acknowledgement and the mark means the same event (same
 * id) is sent again after restart: subscribers deduplicate by id, as the contract says.
 * <p>
 * When several instances of a service share its database, one relay publishes at a time: each batch first takes
 * the database's relay lock (a transaction-scoped advisory lock), and a relay that cannot get it leaves the batch to
 * the one that holds it. Two relays publishing different batches at once could put one athlete's later event on
 * the topic before an earlier one; with one at a time every event goes out in the order it was stored.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** The advisory lock that one relay per database holds while it publishes a batch (any fixed number will do). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafka;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    /**
     * @param kafka every {@code kafka.*} setting (KAFKA_* in the environment), as the messaging channels get them:
     *              the bootstrap servers and, where the broker asks for them, the security protocol and credentials
     */
    OutboxRelay(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.dataSource = dataSource;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent ignored) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(10_000);
        }
        if (producer != null) {
            producer.close();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake.release();
    }

    @Scheduled(every = "${physiorun.outbox.cleanup-every:1h}", delayed = "1m")
    void deleteOldPublished() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM outbox_message WHERE published_at < now() - interval '7 days'")) {
            delete.executeUpdate();
        }
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                while (running && publishBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox not published yet, will retry: %s", e.getMessage());
                sleepQuietly();
            }
        }
    }

    /**
     * Sends one batch and marks it, in one database transaction that holds the relay lock against other relays.
     * Returns how many were sent: none while another relay holds the lock.
     */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!relayLockTaken(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> sent = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT seq, topic, message_key, payload FROM outbox_message
                        WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
                    select.setInt(1, BATCH);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ProducerRecord<String, String> record = new ProducerRecord<>(
                                    rs.getString(2), rs.getString(3), rs.getString(4));
                            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                            acks.add(producer.send(record));
                            sent.add(rs.getLong(1));
                        }
                    }
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                if (!sent.isEmpty()) {
                    try (PreparedStatement mark = c.prepareStatement(
                            "UPDATE outbox_message SET published_at = now() WHERE seq = ANY (?)")) {
                        mark.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                        mark.executeUpdate();
                    }
                }
                c.commit();
                return sent.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean relayLockTaken(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
