package org.physiorun.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * run.sh's launcher as an operator meets it, on its fixed ports (so nothing else may hold them while this runs): a
 * port it needs that is taken gives a message naming it and a non-zero exit, with nothing started; and a second
 * run on the same data directory (one with a space in its path) finds what the first one stored.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target/launcher-it").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Process> launched = new ArrayList<>();

    @BeforeEach
    void portsAreFree() {
        assertNull(Launcher.firstBusyPort(), "this test runs the launcher on its own ports");
    }

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process launcher : launched) {
            stop(launcher);
        }
    }

    @Test
    void aPortThatIsTakenIsNamedAndNothingIsStarted() throws Exception {
        Path dataDir = WORK.resolve("busy-data");
        deleteTree(dataDir);
        Process launcher;
        try (ServerSocket gatewayPort = new ServerSocket()) {
            gatewayPort.bind(new InetSocketAddress("localhost", 8080));
            launcher = launch(dataDir, "busy");
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher gives up at once");
        }
        String errors = Files.readString(WORK.resolve("busy.err"));
        System.out.printf("FIGURES launcher busy port: exit=%d, message=%s%n", launcher.exitValue(), errors.strip());
        assertEquals(1, launcher.exitValue());
        assertTrue(errors.contains("Port 8080 (for gateway) is already in use"), errors);
        assertFalse(Files.exists(dataDir), "nothing was started, not even a data directory made");
        assertNull(Launcher.firstBusyPort(), "nothing holds a port of the launcher's");
    }

    @Test
    void aSecondRunOnTheSameDataFindsWhatTheFirstStored() throws Exception {
        // A space in the path, as in a clone under "My Projects": each server and service must still find its files.
        Path dataDir = WORK.resolve("data dir");
        deleteTree(dataDir); // an earlier run's: the first run here starts from nothing

        Process first = launch(dataDir, "first");
        double firstStart = awaitUp(first, "first");
        String token = token();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8082/api/plans"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"athleteId": "ana", "injuryDate": "%s", "side": "LEFT", "grade": 1, "suspectedSource": "MUSCLE",
                         "clinicianConfirmed": true, "mechanism": "SPRINTING", "timeZone": "UTC"}"""
                        .formatted(LocalDate.now(ZoneOffset.UTC).minusDays(3)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String planId = field(created.body(), "planId");
        awaitStatus("http://localhost:8083/api/progress/ana", token, 200); // progress-service took the plan in too
        stop(first);
        int exit = first.waitFor();
        assertTrue(exit == 0 || exit == 143, "stopped on SIGTERM by its own shutdown, exit " + exit);
        assertNull(Launcher.firstBusyPort(), "Ctrl-C stops everything");

        Process second = launch(dataDir, "second");
        double secondStart = awaitUp(second, "second");
        String again = token(); // Keycloak kept its realm and users
        HttpResponse<String> plans = get("http://localhost:8082/api/plans?athleteId=ana", again);
        assertEquals(200, plans.statusCode(), plans.body());
        assertTrue(plans.body().contains(planId), "plan-service still has the plan: " + plans.body());
        HttpResponse<String> progress = get("http://localhost:8083/api/progress/ana", again);
        assertEquals(200, progress.statusCode(), progress.body());
        assertEquals(planId, field(progress.body(), "planId"), "progress-service still has it");
        System.out.printf("FIGURES launcher: first start=%.1f s, second start on the same data=%.1f s%n",
                firstStart, secondStart);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Process launch(Path dataDir, String name) throws IOException {
        Files.createDirectories(WORK);
        Process launcher = new ProcessBuilder(Launcher.command(ROOT, dataDir))
                .directory(ROOT.toFile())
                .redirectOutput(WORK.resolve(name + ".out").toFile())
                .redirectError(WORK.resolve(name + ".err").toFile())
                .start();
        launched.add(launcher);
        return launcher;
    }

    /** Waits for the launcher's "is up" line; returns the start time it reports. */
    private static double awaitUp(Process launcher, String name) throws Exception {
        Path out = WORK.resolve(name + ".out");
        Pattern up = Pattern.compile("PhysioRun is up in ([0-9.]+) s");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = up.matcher(Files.readString(out));
            if (matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
            if (!launcher.isAlive()) {
                fail("The launcher stopped (exit " + launcher.exitValue() + "):\n" + Files.readString(out)
                        + Files.readString(WORK.resolve(name + ".err")));
            }
            Thread.sleep(1000);
        }
        return fail("The launcher was not up within 6 minutes:\n" + Files.readString(out));
    }

    /** An access token of the demo physiotherapist pat (clinic north), as a script gets one. */
    private static String token() throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "physiorun-cli", "username", "pat",
                        "password", "pat-demo").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8180/realms/physiorun/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return field(answer.body(), "access_token");
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(String url, String token, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> answer = get(url, token);
        while (answer.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = get(url, token);
        }
        assertEquals(status, answer.statusCode(), url + ": " + answer.body());
    }

    /** A string field of a JSON object (the first one of that name). */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(matcher.find(), name + " in " + json);
        return matcher.group(1);
    }

    /** SIGTERM, as Ctrl-C would; the launcher stops its children. Killed (children first) if it hangs. */
    private static void stop(Process launcher) throws InterruptedException {
        if (!launcher.isAlive()) {
            return;
        }
        launcher.destroy();
        if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
