package org.physiorun.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.Topics;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Quarkus test resource every service's tests use: a real PostgreSQL and a real Kafka broker,
 * started once per test JVM and handed to the application under test.
 *
 * <p>The servers outlive a single application start on purpose: when Quarkus restarts the application
 * (another test profile), the data is still there, as it would be in production.
 */
public class RealServers implements QuarkusTestResourceLifecycleManager {

    /** The database the application under test gets; one test JVM tests one service. */
    public static final String DATABASE = "app";

    // Held so that the logger configuration is not garbage-collected.
    private static final Logger[] QUIET = {Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger"), Logger.getLogger("io.zonky")};

    private static Postgres postgres;
    private static TestKafka kafka;

    public static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path target = Path.of("target").toAbsolutePath();
        try {
            postgres = Postgres.start(0, target.resolve("embedded-pg/data-" + run), target.resolve("embedded-pg/work"));
            postgres.ensureDatabase(DATABASE);
            kafka = TestKafka.start(target.resolve("kafka-" + run));
            Topics.create(kafka.bootstrapServers(), 3, Topics.CONTRACT);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test servers", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(RealServers::stopAll, "real-servers-stop"));
    }

    public static synchronized Postgres postgres() {
        ensureStarted();
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    private static synchronized void stopAll() {
        try {
            kafka.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
        try {
            postgres.close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.USER,
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The servers stop with the JVM (see the class comment).
    }
}
