package org.physiorun.launcher;

import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.Topics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on this machine: PostgreSQL and Kafka from Maven artifacts, then each service
 * as a child process. Ctrl-C (or SIGTERM) stops everything in reverse order; data stays for the next run.
 */
public final class Launcher {

    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog", Map.of()),
            new Service("plan-service", 8082, "plan", Map.of("QUARKUS_REST_CLIENT_CATALOG_URL", "http://localhost:8081")),
            new Service("progress-service", 8083, "progress", Map.of()),
            // Last: the web frontend; its defaults already point at the services' ports.
            new Service("gateway", 8080, null, Map.of()));

    private final Path root;
    private final Path dataDir;
    private final List<ServiceProcess> running = new ArrayList<>();
    private Postgres postgres;
    private LocalKafka kafka;

    private Launcher(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".physiorun");
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--data-dir") || args[i].equals("-d")) && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else {
                System.err.println("Usage: run.sh [--data-dir DIR]   (default ./.physiorun)");
                System.exit(2);
            }
        }
        String busy = firstBusyPort();
        if (busy != null) {
            System.err.println(busy);
            System.exit(1);
        }
        Launcher launcher = new Launcher(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stop();
            stopped.countDown();
        }, "physiorun-stop"));
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("PhysioRun could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** A one-line message naming the first port that something else holds, or null when all are free. */
    static String firstBusyPort() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KAFKA_PORT, "Kafka");
        ports.put(KAFKA_CONTROLLER_PORT, "the Kafka controller");
        SERVICES.forEach(s -> ports.put(s.port(), s.name()));
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port.getKey()));
            } catch (IOException e) {
                return "Port " + port.getKey() + " (for " + port.getValue()
                        + ") is already in use: stop whatever holds it, or a PhysioRun that is already running.";
            }
        }
        return null;
    }

    private void start() throws Exception {
        long started = System.nanoTime();
        say("Data in " + dataDir);
        postgres = Postgres.start(POSTGRES_PORT, dataDir.resolve("postgres"), dataDir.resolve("postgres-binaries"));
        for (Service service : SERVICES) {
            if (service.database() != null) {
                postgres.ensureDatabase(service.database());
            }
        }
        say("PostgreSQL on localhost:" + POSTGRES_PORT);
        kafka = LocalKafka.start(dataDir.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        String bootstrap = "localhost:" + KAFKA_PORT;
        Topics.create(bootstrap, 3, Topics.CONTRACT);
        say("Kafka on " + bootstrap + " with topics " + String.join(", ", Topics.CONTRACT));

        for (Service service : SERVICES) {
            Map<String, String> env = new HashMap<>(service.environment());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            if (service.database() != null) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            }
            ServiceProcess process = ServiceProcess.start(service.name(),
                    root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar"), service.port(), env,
                    List.of("-Xmx256m"), dataDir.resolve("logs").resolve(service.name() + ".log"));
            running.add(process);
            process.awaitReady(Duration.ofSeconds(90));
            say(service.name() + " ready at " + process.baseUrl() + "  (log: "
                    + dataDir.resolve("logs").resolve(service.name() + ".log") + ")");
        }
        say("PhysioRun is up in %.1f s. Ctrl-C stops it.".formatted((System.nanoTime() - started) / 1e9));
        for (int i = 0; i < running.size(); i++) {
            // the services document their APIs; the gateway serves the web frontend
            String page = SERVICES.get(i).database() == null ? "/" : "/q/swagger-ui";
            say("  " + running.get(i).name() + ": " + running.get(i).baseUrl() + page);
        }
    }

    private synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        say("PhysioRun stopped.");
    }

    private static void say(String line) {
        System.out.println("[physiorun] " + line);
    }
}
