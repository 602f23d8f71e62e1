package org.physiorun.bench;

import org.physiorun.launcher.Launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run ({@code ./run.sh}: the launcher jar) started by a bench in a data directory of its own, as a
 * developer starts it, and stopped at the end. The launcher keeps each service's log in {@code <data>/logs} and
 * runs each service as its own child process, which is how the benches find its start time and its memory.
 */
final class LocalRun implements AutoCloseable {

    static final String GATEWAY = "http://localhost:8080";
    private static final String REALM = "http://localhost:8180/realms/physiorun";
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    // HTTP/1.1 as browsers speak to the gateway (they never use HTTP/2 without TLS), and the gateway to the services
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process launcher;
    private final Path dataDir;
    private final long upMillis;

    private LocalRun(Process launcher, Path dataDir, long upMillis) {
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.upMillis = upMillis;
    }

    /**
     * Launches the launcher as run.sh does ({@link Launcher#command}) from the repository root and waits until every
     * service's readiness check and Keycloak's realm answer 200. The launcher's pid goes to
     * {@code <data>/launcher.pid}, so that the calling script can stop it if this JVM dies first.
     */
    static LocalRun start(Path repo, Path dataDir, Duration timeout) throws Exception {
        Files.createDirectories(dataDir);
        Path out = dataDir.resolve("launcher.out");
        long launched = System.nanoTime();
        Process launcher = new ProcessBuilder(Launcher.command(repo, dataDir))
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .start();
        Files.writeString(dataDir.resolve("launcher.pid"), Long.toString(launcher.pid()));
        LocalRun run = new LocalRun(launcher, dataDir, 0);
        try {
            List<URI> checks = new ArrayList<>();
            Launcher.servicePorts().values()
                    .forEach(port -> checks.add(URI.create("http://localhost:" + port + "/q/health/ready")));
            checks.add(URI.create(REALM)); // the launcher imports the realm; it answers once Keycloak is usable
            long deadline = launched + timeout.toNanos();
            for (URI check : checks) { // polled in turn: all answer 200 by the end, and the last one sets the time
                while (!answers200(check)) {
                    if (!launcher.isAlive()) {
                        throw new IOException("the launcher exited with " + launcher.exitValue() + "; see " + out);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException(check + " did not answer within " + timeout + "; see " + out);
                    }
                    Thread.sleep(100);
                }
            }
            return new LocalRun(launcher, dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched));
        } catch (Exception e) {
            run.close();
            throw e;
        }
    }

    private static boolean answers200(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** From launching the launcher jar to every service and Keycloak ready. */
    long upMillis() {
        return upMillis;
    }

    /** Quarkus's own "started in X s" from the service's log: the latest start in it. */
    Optional<Double> startedSeconds(String service) throws IOException {
        return lastStart(dataDir.resolve("logs").resolve(service + ".log"));
    }

    private static Optional<Double> lastStart(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        Double last = null;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return Optional.ofNullable(last);
    }

    /** VmRSS of the service's process in bytes. */
    Optional<Long> residentBytes(String service) {
        return process(service).flatMap(child -> MemorySampler.residentBytes(child.pid()));
    }

    /** The service's process: the launcher's child that runs the service's jar. */
    private Optional<ProcessHandle> process(String service) {
        String jar = "/" + service + "/target/quarkus-app/quarkus-run.jar";
        return launcher.toHandle().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst();
    }

    /**
     * Stops the service and starts it again by itself, with the command line, environment and directory the launcher
     * gave it, while the rest of the local run keeps running, as an operator restarts one container; Quarkus's
     * "started in" of that start. The restarted process is stopped once it has started, so the local run goes on
     * without the service: call this last. Reads {@code /proc}, as the rest of the benches do.
     */
    Optional<Double> restartedAloneSeconds(String service, Duration timeout) throws Exception {
        Optional<ProcessHandle> running = process(service);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Path proc = Path.of("/proc", Long.toString(running.get().pid()));
        List<String> command = nulSeparated(proc.resolve("cmdline"));
        List<String> environment = nulSeparated(proc.resolve("environ"));
        Path directory = Files.readSymbolicLink(proc.resolve("cwd"));
        running.get().destroy();
        running.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);

        Path log = dataDir.resolve("logs").resolve(service + "-restarted-alone.log");
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        Process alone = builder.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            Optional<Double> started = lastStart(log);
            while (started.isEmpty() && alone.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                started = lastStart(log);
            }
            return started;
        } finally {
            alone.destroy();
            if (!alone.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                alone.destroyForcibly();
            }
        }
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        return List.of(new String(Files.readAllBytes(file), Charset.defaultCharset()).split("\\x00"));
    }

    /** A demo user's access token from Keycloak (the realm's public CLI client, password grant), with "Bearer ". */
    static String bearer(String user) throws Exception {
        String form = "grant_type=password&client_id=physiorun-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user + "-demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IOException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return "Bearer " + token.group(1);
    }

    /**
     * A short journey through the gateway, as the runner {@code ana} would make it: read the exercises, create her
     * plan (injured 9 days ago), wait for progress-service to know it, log an Isometric Hold, read her progress.
     * Prints each answer's status; a bench asserts nothing, so a failing step is reported, not thrown.
     */
    static void journey() throws Exception {
        String token = bearer("ana");
        report("GET /api/exercises", send(GATEWAY + "/api/exercises", token, null));
        String plan = """
                {"athleteId": "ana", "injuryDate": "%s", "side": "LEFT", "grade": 1, "suspectedSource": "MUSCLE",
                 "clinicianConfirmed": true, "mechanism": "SPRINTING", "timeZone": "UTC"}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(9));
        report("POST /api/plans", send(GATEWAY + "/api/plans", token, plan));
        int progress = 0;
        for (int tries = 0; tries < 100 && progress != 200; tries++) { // plan-created reaches progress-service by Kafka
            Thread.sleep(200);
            progress = send(GATEWAY + "/api/progress/ana", token, null);
        }
        String session = """
                {"eventId": "%s", "athleteId": "ana", "exercise": "isometric-heel-press", "performedAt": "%s",
                 "sets": 3, "holdSeconds": 40, "painDuring": 0, "painAfter": 0, "fullRange": true}"""
                .formatted(UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        report("POST /api/sessions", send(GATEWAY + "/api/sessions", token, session));
        report("GET /api/progress/ana", send(GATEWAY + "/api/progress/ana", token, null));
    }

    private static void report(String request, int status) {
        System.out.printf("journey: %s -> %d%n", request, status);
    }

    /** A GET (body null) or a JSON POST with the token; the status code. */
    static int send(String url, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .timeout(Duration.ofSeconds(15));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Stops the launcher as Ctrl-C would (its shutdown hook stops every service, Keycloak, Kafka, PostgreSQL). */
    @Override
    public void close() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            // it did not stop in time: end what it started, then the launcher itself
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
