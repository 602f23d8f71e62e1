package org.physiorun.system;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The four container images, built by deploy/containers/test-images.sh (which runs this test after building them),
 * started with podman on this host's network the way docker-compose.yml starts them: compose's environment for each,
 * with the addresses moved to this host, the database a real PostgreSQL and Kafka a broker that requires compose's
 * SCRAM logins and ACLs ({@link ComposeKafka}). Tokens are the tests' own ({@link TestTokens}) instead of Keycloak's.
 * One runner's journey goes through the containerised gateway: intake, sessions, a phase advance decided by
 * progress-service and followed by plan-service, so every topic is written and read by the principal that owns it
 * (webhook-service's only by its consumer starting up).
 *
 * <p>Only with {@code -Dphysiorun.images.tag=TAG} (the images {@code physiorun/<service>:TAG}); without podman and the
 * images there is nothing to run, so {@code ./mvnw verify} skips it.
 */
@EnabledIfSystemProperty(named = "physiorun.images.tag", matches = ".+")
class ContainerImagesIT {

    private static final List<String> SERVICES = List.of("catalog-service", "plan-service", "progress-service",
            "webhook-service", "gateway");
    /** Every container this test starts carries it, so that test-images.sh can remove what a crash left. */
    static final String LABEL = "physiorun.test=container-images";
    private static final Pattern SERVICE_URL = Pattern.compile("http://([a-z-]+):\\d+");

    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static final Map<String, Double> readySeconds = new LinkedHashMap<>();
    /** Each service's container. */
    private static final Map<String, String> containers = new LinkedHashMap<>();
    private static final Path logs = Path.of("target", "container-logs");
    private static Postgres postgres;
    private static int closedPort;
    private static ComposeKafka kafka;

    @BeforeAll
    static void startTheImages() throws Exception {
        String tag = System.getProperty("physiorun.images.tag");
        ComposeFile compose = ComposeFile.read();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "container-images");
        long start = System.nanoTime();
        postgres = Postgres.start(0, data.resolve("postgres"), Path.of("target", "embedded-pg", "work"));
        kafka = ComposeKafka.start(compose, data);
        System.out.printf("TIMING %-30s %6.1f s%n", "PostgreSQL and SASL Kafka", seconds(start));
        for (String service : SERVICES) {
            ports.put(service, ServiceProcess.freePort());
        }
        closedPort = ServiceProcess.freePort();
        Map<String, Long> started = new LinkedHashMap<>();
        for (String service : SERVICES) {
            started.put(service, System.nanoTime());
            run(service, "localhost/physiorun/" + service + ":" + tag, environment(compose, service));
        }
        for (String service : SERVICES) {
            awaitReady(service);
            readySeconds.put(service, seconds(started.get(service)));
            System.out.printf("TIMING %-30s %6.1f s%n", "start to ready " + service, readySeconds.get(service));
        }
    }

    @AfterAll
    static void removeTheContainers() throws Exception {
        Files.createDirectories(logs);
        for (String container : containers.values()) {
            podman(logs.resolve(container + ".log"), "logs", container);
            podman(null, "rm", "-f", "-t", "5", container);
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRunnersJourneyThroughTheContainerisedGateway() {
        long start = System.nanoTime();
        String athlete = "runner-" + UUID.randomUUID();
        String token = TestTokens.bearer(TestTokens.runner(athlete, "north"));
        String planId = gateway(token).contentType(ContentType.JSON).body(Intake.body(athlete, 9))
                .when().post("/api/plans")
                .then().statusCode(201)
                // the prescription comes from the catalogue's container
                .body("phases[1].exercises.find { it.slug == 'glider' }.dosage.repsMin", equalTo(8))
                .extract().path("planId");
        // plan-created: plan-service's outbox to progress-service's consumer
        await().atMost(Duration.ofSeconds(60)).until(() ->
                gateway(token).get("/api/progress/" + athlete).statusCode() == 200);

        for (String session : Intake.phaseOneGateSessions(athlete)) {
            gateway(token).contentType(ContentType.JSON).body(session)
                    .when().post("/api/sessions")
                    .then().statusCode(202);
        }
        // session-events in and out of progress-service, the decision through its outbox onto progression-events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                gateway(token).get("/api/progress/" + athlete + "/events").then()
                        .body("type", hasItem("physiorun.progression.phase-advanced")));
        // ... and plan-service reading progression-events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                gateway(token).get("/api/plans/" + planId).then().body("currentPhase", equalTo(2)));
        // webhook-service's container, reached through the gateway, with its own database
        gateway(TestTokens.bearer(TestTokens.clinicAdmin("north"))).get("/api/webhooks").then().statusCode(200);
        StringBuilder ready = new StringBuilder();
        readySeconds.forEach((service, seconds) -> ready.append("%s=%.1f s, ".formatted(service, seconds)));
        System.out.printf("FIGURES containers: images=%d, start to ready %sjourney through the gateway=%.1f s%n",
                SERVICES.size(), ready, seconds(start));
    }

    private static RequestSpecification gateway(String token) {
        return given().baseUri("http://localhost:" + ports.get("gateway")).header("Authorization", token);
    }

    /**
     * Compose's environment for the service on this host: the services' addresses are localhost and their ports
     * here, the database and broker are this test's, tokens are checked with the tests' key.
     */
    private static Map<String, String> environment(ComposeFile compose, String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        compose.environment(service).forEach((name, value) -> {
            Matcher url = SERVICE_URL.matcher(value);
            StringBuilder here = new StringBuilder();
            while (url.find()) {
                Integer port = ports.get(url.group(1));
                url.appendReplacement(here, port == null ? url.group() : "http://localhost:" + port);
            }
            environment.put(name, url.appendTail(here).toString());
        });
        environment.computeIfPresent("QUARKUS_DATASOURCE_JDBC_URL", (name, url) -> {
            String database = url.substring(url.lastIndexOf('/') + 1);
            try {
                postgres.ensureDatabase(database);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return postgres.jdbcUrl(database);
        });
        environment.computeIfPresent("KAFKA_BOOTSTRAP_SERVERS", (name, servers) -> kafka.bootstrapServers());
        environment.put("QUARKUS_HTTP_PORT", ports.get(service).toString());
        if (service.equals("gateway")) {
            // The gateway passes a caller's own bearer token on unread; its login needs Keycloak, which is not here
            // (it starts anyway and would ask Keycloak at the first login).
            environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + closedPort + "/realms/physiorun");
        } else {
            // a public key is used only without a server to ask, so the server URL is unset (empty)
            environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
            environment.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey());
            environment.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
        }
        return environment;
    }

    private static void run(String service, String image, Map<String, String> environment) throws Exception {
        String name = "physiorun-" + service + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of("run", "-d", "--name", name, "--label", LABEL,
                // what podman needs in this sandbox: runc, explicit limits, the host's network
                "--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", "--network", "host"));
        environment.forEach((variable, value) -> command.addAll(List.of("-e", variable + "=" + value)));
        command.add(image);
        podman(null, command.toArray(String[]::new));
        containers.put(service, name);
    }

    /** Waits for the service's readiness; fails with the end of its log if the container stops or time runs out. */
    private static void awaitReady(String service) throws Exception {
        String container = containers.get(service);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            if (!podman(null, "inspect", "-f", "{{.State.Running}}", container).trim().equals("true")) {
                break;
            }
            Thread.sleep(500);
        }
        String log = podman(null, "logs", "--tail", "40", container);
        throw new AssertionError(service + "'s container " + container + " did not become ready:\n" + log);
    }

    /** Runs podman and answers its output; {@code into} keeps the output in a file instead. */
    private static String podman(Path into, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (into != null) {
            builder.redirectOutput(into.toFile());
        }
        Process process = builder.start();
        String output = into != null ? "" : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("podman " + arguments[0] + " failed: " + output);
        }
        return output;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
