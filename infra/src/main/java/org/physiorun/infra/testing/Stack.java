package org.physiorun.infra.testing;

import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceJvm;
import org.physiorun.infra.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services running as child processes on the real servers, on free ports: what the
 * end-to-end and browser tests drive; webhook-service joins them for the tests that need it
 * ({@link #addWebhookService}). Run from a module directory beside the services' modules.
 */
public final class Stack implements AutoCloseable {

    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, ServiceProcess> byName = new HashMap<>();
    private final Map<String, String> identity = new HashMap<>();
    /** How each service was started, to start it again the same way. */
    private final Map<String, Launch> launches = new HashMap<>();

    private record Launch(Path jar, int port, Map<String, String> env, Path log) {
    }

    private Postgres postgres;
    private String kafka;
    private Path logDir;

    private Stack() {
    }

    /** The stack checking the tokens that {@link TestTokens} signs. */
    public static Stack start(Path logDir) throws Exception {
        return start(logDir, testTokens());
    }

    /**
     * The stack on servers of the caller's own, checking the tokens that {@link TestTokens} signs: for tests that
     * stop and restart the servers, which must not be the ones the rest of the test JVM shares.
     */
    public static Stack start(Path logDir, Postgres postgres, String kafkaBootstrapServers) throws Exception {
        return start(logDir, testTokens(), postgres, kafkaBootstrapServers);
    }

    /**
     * The stack with the given token settings for every service, e.g. {@code QUARKUS_OIDC_AUTH_SERVER_URL} of a
     * real Keycloak's realm.
     */
    public static Stack start(Path logDir, Map<String, String> identity) throws Exception {
        return start(logDir, identity, RealServers.postgres(), RealServers.kafkaBootstrapServers());
    }

    private static Stack start(Path logDir, Map<String, String> identity, Postgres postgres, String kafka)
            throws Exception {
        Stack stack = new Stack();
        stack.identity.putAll(identity);
        stack.postgres = postgres;
        stack.kafka = kafka;
        stack.logDir = logDir;
        try {
            // The three start side by side; plan-service needs only catalog-service's address to start.
            ServiceProcess catalog = stack.launch("catalog-service", "catalog", Map.of());
            stack.launch("plan-service", "plan", Map.of("QUARKUS_REST_CLIENT_CATALOG_URL", catalog.baseUrl()));
            // Tests replay journeys from the past; the wall-clock re-evaluation would judge them as of today.
            stack.launch("progress-service", "progress", Map.of("PHYSIORUN_PROGRESS_REEVALUATE_EVERY", "off"));
            for (ServiceProcess service : stack.services) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private static Map<String, String> testTokens() {
        return Map.of(
                // a public key is used only without a server to ask, so the server URL is unset (empty)
                "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
    }

    /** Starts the service without waiting for it to be ready. */
    private ServiceProcess launch(String name, String database, Map<String, String> extra) throws Exception {
        postgres.ensureDatabase(database);
        Map<String, String> env = new HashMap<>(extra);
        env.putAll(identity);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        Launch launch = new Launch(Path.of("..", name, "target/quarkus-app/quarkus-run.jar"), ServiceProcess.freePort(),
                env, logDir.resolve(name + ".log"));
        launches.put(name, launch);
        return launch(name, launch);
    }

    private ServiceProcess launch(String name, Launch launch) throws Exception {
        // The class data archive beside the jar: a rebuild replaces it, and every test of one build shares it.
        ServiceProcess service = ServiceJvm.start(name, launch.jar(), launch.port(), launch.env(),
                launch.jar().resolveSibling("class-data"), launch.log());
        services.add(service);
        byName.put(name, service);
        return service;
    }

    private ServiceProcess awaitReady(ServiceProcess service) throws Exception {
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    /**
     * Starts webhook-service too, with {@code extra} settings (e.g. {@code PHYSIORUN_WEBHOOKS_ALLOW_LOOPBACK_HTTP}
     * for a test's receiver on loopback).
     */
    public ServiceProcess addWebhookService(Map<String, String> extra) throws Exception {
        return awaitReady(launch("webhook-service", "webhook", extra));
    }

    /** Kills the service as a crash would (no shutdown) and starts it again, same port, same settings. */
    public ServiceProcess crashAndRestart(String name) throws Exception {
        ServiceProcess old = byName.remove(name);
        old.kill();
        services.remove(old);
        return awaitReady(launch(name, launches.get(name)));
    }

    /** The base URL of one of the services, e.g. {@code progress-service}. */
    public String url(String service) {
        return byName.get(service).baseUrl();
    }

    /** The process of one of the services. */
    public ServiceProcess service(String name) {
        return byName.get(name);
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
    }
}
