package org.physiorun.launcher;

import org.physiorun.infra.Keycloak;
import org.physiorun.infra.KafkaNode;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceJvm;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.Topics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Starts the whole system on this machine: Keycloak from its Maven distribution, in parallel with PostgreSQL and
 * Kafka from Maven artifacts and then each service as a child process. Ctrl-C (or SIGTERM) stops everything in
 * reverse order; data, Keycloak's included, stays for the next run.
 */
public final class Launcher {

    static final int POSTGRES_PORT = 5432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int KEYCLOAK_PORT = 8180;
    /** The issuer of the tokens the services and the gateway accept; also their configured default. */
    static final String ISSUER = "http://localhost:" + KEYCLOAK_PORT + "/realms/" + Keycloak.REALM;

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog", Map.of()),
            new Service("plan-service", 8082, "plan", Map.of("QUARKUS_REST_CLIENT_CATALOG_URL", "http://localhost:8081")),
            new Service("progress-service", 8083, "progress", Map.of()),
            // The local run's receivers listen on this machine, over http.
            new Service("webhook-service", 8084, "webhook", Map.of("PHYSIORUN_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true")),
            // Last: the web frontend; its defaults already point at the services' ports.
            new Service("gateway", 8080, null, Map.of()));

    /** Each service's name and port, in the order they start: for whatever drives a local run (the benches). */
    public static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service.name(), service.port()));
        return Collections.unmodifiableMap(ports);
    }

    /**
     * The command that starts the local run from the repository at {@code root}, as run.sh runs it: the launcher jar
     * with the JVM options of {@code launcher/jvm.options}. For whatever starts it as a process (the benches, a test).
     */
    public static List<String> command(Path root, Path dataDir) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("launcher/jvm.options"),
                "-jar", root.resolve("launcher/target/physiorun-launcher.jar").toString(),
                "--data-dir", dataDir.toString());
    }

    private final Path root;
    private final Path dataDir;
    private final List<ServiceProcess> running = new ArrayList<>();
    private Postgres postgres;
    private KafkaNode kafka;
    private Keycloak keycloak;
    private boolean stopping;

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
        ports.put(KEYCLOAK_PORT, "Keycloak");
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
        // Everything that can start at once does, Keycloak first as it takes longest: PostgreSQL beside Kafka, then
        // every service together (none waits for another to be ready), and Keycloak's realm last.
        FutureTask<Void> identity = inBackground("physiorun-keycloak", () -> startKeycloak(started));
        String bootstrap = "localhost:" + KAFKA_PORT;
        FutureTask<Void> broker = inBackground("physiorun-kafka", () -> startKafka(bootstrap));
        postgres = Postgres.start(POSTGRES_PORT, dataDir.resolve("postgres"), dataDir.resolve("postgres-binaries"));
        for (Service service : SERVICES) {
            if (service.database() != null) {
                postgres.ensureDatabase(service.database());
            }
        }
        say("PostgreSQL on localhost:" + POSTGRES_PORT);
        await(broker);

        for (Service service : SERVICES) {
            Map<String, String> env = new HashMap<>(service.environment());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            // A service starts while Keycloak is still coming up, and checks tokens once it is.
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", ISSUER);
            if (service.database() != null) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            }
            running.add(ServiceJvm.start(service.name(),
                    root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar"), service.port(), env,
                    dataDir.resolve("class-data"), log(service.name())));
        }
        for (ServiceProcess process : running) {
            process.awaitReady(Duration.ofSeconds(90));
            say("%s ready at %s in %.1f s  (log: %s)".formatted(process.name(), process.baseUrl(),
                    secondsSince(started), log(process.name())));
        }
        await(identity);
        say("PhysioRun is up in %.1f s. Ctrl-C stops it.".formatted(secondsSince(started)));
        for (int i = 0; i < running.size(); i++) {
            // the services document their APIs; the gateway serves the web frontend
            String page = SERVICES.get(i).database() == null ? "/" : "/q/swagger-ui";
            say("  " + running.get(i).name() + ": " + running.get(i).baseUrl() + page);
        }
        say("  Keycloak: " + keycloak.baseUrl() + "/admin (" + Keycloak.ADMIN_USER + " / " + Keycloak.ADMIN_PASSWORD
                + "), realm " + keycloak.issuer());
    }

    private Path log(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    /** Runs {@code work} on a thread of its own; {@link #await} gives its outcome. */
    private static FutureTask<Void> inBackground(String name, Callable<Void> work) {
        FutureTask<Void> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static void await(FutureTask<Void> task) throws Exception {
        try {
            task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Starts the broker and creates the contract's topics. */
    private Void startKafka(String bootstrap) throws Exception {
        KafkaNode node = KafkaNode.start(dataDir.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        synchronized (this) {
            if (stopping) { // stopped while the broker was starting: nobody else would stop it
                node.close();
                return null;
            }
            kafka = node;
        }
        Topics.create(bootstrap, 3, Topics.CONTRACT);
        say("Kafka on " + bootstrap + " with topics " + String.join(", ", Topics.CONTRACT));
        return null;
    }

    /** Unpacks and builds Keycloak on the first run, starts it with the demo realm, and waits for the realm. */
    private Void startKeycloak(long started) throws IOException, InterruptedException {
        Path home = dataDir.resolve("keycloak");
        Path log = log("keycloak");
        Keycloak server = Keycloak.start(root.resolve("launcher/target/keycloak/keycloak-quarkus-dist.zip"), home,
                KEYCLOAK_PORT, root.resolve("deploy/keycloak/physiorun-realm.json"), log);
        synchronized (this) {
            if (stopping) { // stopped while Keycloak was being unpacked: nobody else would stop it
                server.close();
                return null;
            }
            keycloak = server;
        }
        server.awaitReady(Duration.ofMinutes(3));
        say("Keycloak ready at %s in %.1f s  (log: %s)".formatted(server.issuer(), secondsSince(started), log));
        return null;
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private synchronized void stop() {
        stopping = true;
        // The services and Keycloak stop side by side: each may take seconds to write its class data archive.
        List<Thread> stops = new ArrayList<>();
        for (ServiceProcess service : running) {
            stops.add(stopInBackground(service::stop));
        }
        if (keycloak != null) {
            stops.add(stopInBackground(keycloak::close));
        }
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        keycloak = null;
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

    private interface Stop {
        void run() throws InterruptedException;
    }

    private static Thread stopInBackground(Stop stop) {
        Thread thread = new Thread(() -> {
            try {
                stop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "physiorun-stop-one");
        thread.start();
        return thread;
    }

    private static void say(String line) {
        System.out.println("[physiorun] " + line);
    }
}
