package org.physiorun.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.Stack;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.reliability.fuzz.Bodies;
import org.physiorun.reliability.fuzz.Findings;
import org.physiorun.reliability.fuzz.Gen;
import org.physiorun.reliability.fuzz.Hostile;
import org.physiorun.reliability.fuzz.RawHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 5 of the fault suite: generated bodies (valid in shape, then with wrong types, missing and extra fields,
 * numbers beyond range, deep nesting, over-long and odd Unicode text, broken JSON, other content types) on every
 * endpoint that takes one, and hostile path and query parameters on every endpoint, against the packaged services.
 * No answer may be a 5xx, every 4xx must be a problem document, and afterwards the services are ready, still do their
 * work, and what was stored before is unchanged. The generation is seeded ({@code -Dfuzz.seed}), so a run repeats.
 */
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
    /** Bodies for each POST and PUT endpoint; a PATCH of two optional settings has far fewer shapes to try. */
    private static final int BODIES = Integer.getInteger("fuzz.bodies", 10_000);
    private static final int SETTINGS_BODIES = BODIES / 5;
    private static final int PARAMS = Integer.getInteger("fuzz.params", 200);
    /** Requests in flight at once: enough to keep two cores busy, few enough not to time out. */
    private static final int PARALLEL = 4;
    private static final int BATCH = 256;
    /** The longest request line the services' HTTP server reads (Quarkus's default). */
    private static final int LINE_LIMIT = 4_096;
    private static final String CLINIC = "north";
    private static final String PROTOCOL = "hamstring-return-to-run";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static HttpClient http;
    private static ExecutorService pool;
    private static String admin;
    private static String physio;
    private static String anaPlan;
    /** Plans whose settings and calendar links the fuzzing changes: several, so that requests do not queue on one row. */
    private static final List<String> SETTINGS_PLANS = new ArrayList<>();
    /**
     * Athletes the fuzzing logs sessions for: many, as a session performed before an athlete's latest has all of
     * theirs judged again, and the generated times are in no order.
     */
    private static final List<String> SESSION_ATHLETES = IntStream.range(0, 24).mapToObj(i -> "fuzz-sessions-" + i).toList();
    private static String settingsPlan;
    private static List<String> phaseOneExercises;
    private static List<String> citationIds;

    private final Findings findings = new Findings();
    private final Set<String> endpoints = new LinkedHashSet<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = Stack.start(Path.of("target/stack-logs-fuzz"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        pool = Executors.newFixedThreadPool(PARALLEL);
        admin = TestTokens.clinicAdmin(CLINIC);
        physio = TestTokens.physio(CLINIC);
        anaPlan = json(expect(201, call("plan-service", "POST", "/api/plans", TestTokens.runner("ana", CLINIC),
                intake("ana", 3)))).path("planId").asText();
        for (int i = 0; i < 6; i++) {
            SETTINGS_PLANS.add(json(expect(201, call("plan-service", "POST", "/api/plans", physio,
                    intake("fuzz-settings-" + i, 10)))).path("planId").asText());
        }
        settingsPlan = SETTINGS_PLANS.get(0);
        phaseOneExercises = new ArrayList<>();
        for (String athlete : SESSION_ATHLETES) {
            JsonNode plan = json(expect(201, call("plan-service", "POST", "/api/plans", physio, intake(athlete, 10))));
            phaseOneExercises.clear();
            plan.path("phases").path(0).path("exercises").forEach(e -> phaseOneExercises.add(e.path("slug").asText()));
        }
        citationIds = new ArrayList<>();
        json(expect(200, call("catalog-service", "GET", "/api/citations", null, null)))
                .forEach(c -> citationIds.add(c.path("id").asText()));
        expect(201, call("catalog-service", "POST", "/api/exercises", admin, exercise("fuzz-target", 900)));
        expect(201, call("catalog-service", "POST", "/api/exercises", admin, exercise("seed-kept", 901)));
        for (String athlete : java.util.stream.Stream.concat(java.util.stream.Stream.of("ana"), SESSION_ATHLETES.stream()).toList()) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    call("progress-service", "GET", "/api/progress/" + athlete, physio, null).statusCode() == 200);
        }
        for (int hours : List.of(5, 2)) {
            expect(202, call("progress-service", "POST", "/api/sessions", physio, session("ana", hours)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> json(call("progress-service", "GET",
                "/api/progress/ana/sessions", physio, null)).size() == 2);
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void hostileInputIsRefusedWithProblemsAndLeavesTheStoredDataAsItWas() throws Exception {
        Map<String, JsonNode> before = storedData();
        long started = System.nanoTime();
        long hostileParams = hostileParameters();
        System.out.printf("fuzzed every path and query parameter: %d requests in %d s%n", hostileParams,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        long bodies = generatedBodies();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("FIGURES fuzzing: endpoints=%d, bodies=%d, hostile params=%d, 5xx=%d, non-problem errors=%d,"
                        + " took %d s (seed %d; refused by the HTTP layer before the service, a bare 414 for a request"
                        + " line over %d bytes or 400 for a target that is no URI: %d)%n",
                endpoints.size(), bodies, hostileParams, findings.serverErrors(), findings.nonProblems(), seconds, SEED,
                LINE_LIMIT, findings.refusedBeforeTheService());
        assertTrue(findings.isEmpty(), "answers that break the contract (seed " + SEED + "):\n" + findings.report());

        for (String service : List.of("catalog-service", "plan-service", "progress-service")) {
            HttpResponse<String> ready = call(service, "GET", "/q/health/ready", null, null);
            assertEquals(200, ready.statusCode(), service + ": " + ready.body());
            assertEquals("UP", json(ready).path("status").asText(), service + ": " + ready.body());
        }
        Map<String, JsonNode> after = storedData();
        before.forEach((what, was) -> assertEquals(was, after.get(what), what + " changed while the services were fuzzed"));
        storedDataIsWhole();
        theServicesStillDoTheirWork();
    }

    // the bugs the fuzzing found, each kept as a fixed example

    /** A field named twice failed inside Jackson (a record cannot take two values for one field): a bare 500. */
    @Test
    void aFieldNamedTwiceIsAMalformedBody() throws Exception {
        assertProblem(400, call("catalog-service", "POST", "/api/exercises", admin,
                exercise("named-twice", 904).replace("\"phase\": 2", "\"phase\": 2, \"phase\": 3")));
        assertProblem(400, call("catalog-service", "PUT", "/api/exercises/fuzz-target", admin,
                exercise(null, 900).replace("\"per\": \"DAY\"", "\"per\": \"DAY\", \"per\": \"DAY\"")));
        assertProblem(400, call("plan-service", "POST", "/api/plans", physio,
                intake("named-twice", 3).replace("\"grade\": 1", "\"grade\": 1, \"grade\": 2")));
        assertProblem(400, call("plan-service", "PATCH", "/api/plans/" + settingsPlan, physio,
                "{\"timeZone\": \"UTC\", \"timeZone\": \"Asia/Tokyo\"}"));
        assertProblem(400, call("progress-service", "POST", "/api/sessions", physio,
                session(SESSION_ATHLETES.get(0), 1).replace("\"sets\": 3", "\"sets\": 3, \"sets\": 4")));
        expect(404, call("catalog-service", "GET", "/api/exercises/named-twice", null, null));
    }

    /** LocalDate reads years up to 999999999; a schedule's range beyond the year 9999 failed (500). */
    @Test
    void aDateBeyondTheYear9999IsRefused() throws Exception {
        String calendar = json(call("plan-service", "GET", "/api/plans/" + settingsPlan, physio, null))
                .path("calendarUrl").asText().replaceFirst(".*/api/calendars/", "/api/calendars/");
        for (String far : List.of("%2B999999999-12-31", "-999999999-01-01", "%2B10000-01-01", "9999-12-31")) {
            assertProblem(400, call("plan-service", "GET", "/api/plans/" + settingsPlan + "/schedule?from=" + far, physio, null));
            assertProblem(400, call("plan-service", "GET", "/api/plans/" + settingsPlan + "/calendar.ics?to=" + far, physio, null));
            assertProblem(400, call("plan-service", "GET", calendar + "?from=" + far, null, null));
        }
        // the default week from the year's last days went past 9999, which no iCalendar date holds (500)
        expect(200, call("plan-service", "GET", calendar + "?from=9999-12-30", null, null));
    }

    /**
     * Two creations of one exercise at once, or two edits of one, ended in a 500 for the loser (a unique key taken
     * between the check and the insert, a stale version): the loser is told of the conflict instead.
     */
    @Test
    void concurrentWritesOfOneExerciseAreConflictsNotFailures() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<HttpResponse<String>> creations = race(racers, () -> call("catalog-service", "POST", "/api/exercises",
                    admin, exercise("raced", 905)));
            assertEquals(1, count(creations, 201), describe(creations));
            assertEquals(7, count(creations, 409), describe(creations));
            List<HttpResponse<String>> edits = race(racers, () -> call("catalog-service", "PUT", "/api/exercises/raced",
                    admin, exercise(null, 905).replace("Hold still.", "Hold still, " + UUID.randomUUID() + ".")));
            assertTrue(count(edits, 200) >= 1 && count(edits, 200) + count(edits, 409) == 8, describe(edits));
        } finally {
            racers.shutdownNow();
        }
    }

    /** Eight copies of one request sent at once; the answers, each checked to be a problem when it is an error. */
    private static List<HttpResponse<String>> race(ExecutorService racers, Callable<HttpResponse<String>> request)
            throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : racers.invokeAll(java.util.Collections.nCopies(8, request))) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() >= 400) {
                assertProblem(response.statusCode(), response);
            }
            answers.add(response);
        }
        return answers;
    }

    private static long count(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(answer -> answer.statusCode() == status).count();
    }

    private static String describe(List<HttpResponse<String>> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body()).toList().toString();
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
        assertTrue(Findings.isProblem(status, response.headers().firstValue("Content-Type").orElse(""),
                response.body().getBytes(StandardCharsets.UTF_8)), response.uri() + ": " + response.body());
    }

    // the requests

    /** Hostile values in every path and query parameter of every endpoint; returns how many were sent. */
    private long hostileParameters() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String calendar = json(call("plan-service", "GET", "/api/plans/" + settingsPlan, physio, null))
                .path("calendarUrl").asText().replaceFirst(".*/api/calendars/", "").replace(".ics", "");
        String settingsBody = "{\"reminderTime\": \"07:30\"}";
        List<Slot> slots = List.of(
                new Slot("catalog-service", "GET /api/exercises", "GET", "/api/exercises?phase={}", admin, null),
                new Slot("catalog-service", "GET /api/exercises", "GET", "/api/exercises?q={}", null, null),
                new Slot("catalog-service", "GET /api/exercises", "GET", "/api/exercises?includeRetired={}", null, null),
                new Slot("catalog-service", "GET /api/exercises", "GET", "/api/exercises?{}=1&phase=2", null, null),
                new Slot("catalog-service", "GET /api/exercises/{slug}", "GET", "/api/exercises/{}", null, null),
                new Slot("catalog-service", "PUT /api/exercises/{slug}", "PUT", "/api/exercises/{}", admin,
                        exercise(null, 902)),
                new Slot("catalog-service", "DELETE /api/exercises/{slug}", "DELETE", "/api/exercises/{}", admin, null),
                new Slot("catalog-service", "POST /api/exercises", "POST", "/api/exercises?{}=1", admin,
                        exercise("fuzz-query", 903)),
                new Slot("catalog-service", "GET /api/citations", "GET", "/api/citations?{}=x", null, null),
                new Slot("catalog-service", "GET /api/citations/{id}", "GET", "/api/citations/{}", null, null),
                new Slot("plan-service", "GET /api/protocols", "GET", "/api/protocols?{}=1", null, null),
                new Slot("plan-service", "GET /api/protocols/{id}", "GET", "/api/protocols/{}", null, null),
                new Slot("plan-service", "GET /api/protocols/{id}", "GET", "/api/protocols/" + PROTOCOL + "?version={}", null, null),
                new Slot("plan-service", "POST /api/plans", "POST", "/api/plans?{}=1", physio, "{}"),
                new Slot("plan-service", "GET /api/plans", "GET", "/api/plans?athleteId={}", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}", "GET", "/api/plans/{}", physio, null),
                new Slot("plan-service", "PATCH /api/plans/{planId}", "PATCH", "/api/plans/{}", physio, settingsBody),
                new Slot("plan-service", "POST /api/plans/{planId}/calendar-url", "POST", "/api/plans/{}/calendar-url", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}/schedule", "GET", "/api/plans/{}/schedule", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}/schedule", "GET",
                        "/api/plans/" + settingsPlan + "/schedule?from={}", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}/schedule", "GET",
                        "/api/plans/" + settingsPlan + "/schedule?from=" + today + "&to={}", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}/calendar.ics", "GET", "/api/plans/{}/calendar.ics", physio, null),
                new Slot("plan-service", "GET /api/plans/{planId}/calendar.ics", "GET",
                        "/api/plans/" + settingsPlan + "/calendar.ics?to={}", physio, null),
                new Slot("plan-service", "GET /api/calendars/{token}.ics", "GET", "/api/calendars/{}.ics", null, null),
                new Slot("plan-service", "GET /api/calendars/{token}.ics", "GET",
                        "/api/calendars/" + calendar + ".ics?from={}", null, null),
                new Slot("progress-service", "POST /api/sessions", "POST", "/api/sessions?{}=1", physio,
                        session(SESSION_ATHLETES.get(0), 3)),
                new Slot("progress-service", "GET /api/progress", "GET", "/api/progress?{}=1", physio, null),
                new Slot("progress-service", "GET /api/progress/{athleteId}", "GET", "/api/progress/{}", physio, null),
                new Slot("progress-service", "GET /api/progress/{athleteId}/sessions", "GET", "/api/progress/{}/sessions", physio, null),
                new Slot("progress-service", "GET /api/progress/{athleteId}/events", "GET", "/api/progress/{}/events", physio, null),
                new Slot("progress-service", "GET /api/progress/{athleteId}/adherence", "GET", "/api/progress/{}/adherence", physio, null),
                new Slot("progress-service", "GET /api/progress/{athleteId}/adherence", "GET",
                        "/api/progress/" + SESSION_ATHLETES.get(0) + "/adherence?weeks={}", physio, null));
        long sent = 0;
        for (Slot slot : slots) {
            endpoints.add(slot.endpoint());
            RawHttp raw = new RawHttp(stack.url(slot.service()));
            Gen<ParamRequest> requests = Gen.zip(Hostile.urlPart(), tokens(slot.token()), ParamRequest::new);
            sent += run(PARAMS, requests, new Random(SEED ^ slot.target().hashCode()), request -> {
                String target = slot.target().replace("{}", request.part());
                Supplier<String> described = () -> slot.method() + " " + Findings.clip(target) + " token=" + kind(request.token());
                return () -> {
                    try {
                        RawHttp.Reply reply = raw.send(slot.method(), target, request.token(), slot.body());
                        if (slot.method().length() + target.length() + " HTTP/1.1".length() + 1 > LINE_LIMIT) {
                            findings.checkRefusedBeforeTheService(414, slot.endpoint(), described, reply.status(),
                                    reply.contentType(), reply.body());
                        } else if (!isUri(target)) {
                            findings.checkRefusedBeforeTheService(400, slot.endpoint(), described, reply.status(),
                                    reply.contentType(), reply.body());
                        } else {
                            findings.check(slot.endpoint(), described, reply.status(), reply.contentType(), reply.body());
                        }
                    } catch (IOException e) {
                        findings.noAnswer(slot.endpoint(), described, e);
                    }
                    return null;
                };
            });
        }
        return sent;
    }

    /** Generated bodies for every endpoint that takes one; returns how many were sent. */
    private long generatedBodies() throws Exception {
        List<String> intakeAthletes = IntStream.range(0, 40).mapToObj(i -> "fuzz-intake-" + i).toList();
        Gen<String> freshSlug = Gen.ints(0, 100_000_000).map(n -> "fuzz-" + n)
                .map(org.physiorun.reliability.fuzz.Json::string);
        Gen<String> targetSlug = Gen.of("\"fuzz-target\"", "null");
        List<String> settings = SETTINGS_PLANS.stream().map(plan -> "/api/plans/" + plan).toList();
        long sent = 0;
        sent += bodies("catalog-service", "POST /api/exercises", List.of("/api/exercises"), admin,
                Bodies.exercise(freshSlug, citationIds));
        sent += bodies("catalog-service", "PUT /api/exercises/{slug}", List.of("/api/exercises/fuzz-target"), admin,
                Bodies.exercise(targetSlug, citationIds));
        sent += bodies("plan-service", "POST /api/plans", List.of("/api/plans"), physio,
                Bodies.intake(intakeAthletes, LocalDate.now(ZoneOffset.UTC)));
        sent += bodies("plan-service", "PATCH /api/plans/{planId}", settings, physio, Bodies.settings(), SETTINGS_BODIES);
        sent += bodies("plan-service", "POST /api/plans/{planId}/calendar-url",
                settings.stream().map(plan -> plan + "/calendar-url").toList(), physio, Bodies.anything());
        sent += bodies("progress-service", "POST /api/sessions", List.of("/api/sessions"), physio,
                Bodies.session(SESSION_ATHLETES, phaseOneExercises, Instant.now()));
        return sent;
    }

    private long bodies(String service, String endpoint, List<String> paths, String token, Gen<String> shape)
            throws Exception {
        return bodies(service, endpoint, paths, token, shape, BODIES);
    }

    /** {@code count} generated bodies for {@code endpoint} ("METHOD /template"), each to one of {@code paths}. */
    private long bodies(String service, String endpoint, List<String> paths, String token, Gen<String> shape, int count)
            throws Exception {
        endpoints.add(endpoint);
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        Gen<byte[]> bytes = Bodies.bytes(shape);
        Gen<String> contentTypes = Bodies.contentType();
        Gen<String> tokens = tokens(token);
        Gen<String> targets = Gen.of(paths);
        Gen<BodyRequest> requests = random -> new BodyRequest(bytes.next(random), contentTypes.next(random),
                tokens.next(random), targets.next(random));
        long started = System.nanoTime();
        long sent = run(count, requests, new Random(SEED ^ endpoint.hashCode()), request -> {
            String path = request.path();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(request.body()));
            if (!request.contentType().isEmpty()) {
                builder.header("Content-Type", request.contentType());
            }
            if (request.token() != null) {
                builder.header("Authorization", TestTokens.bearer(request.token()));
            }
            HttpRequest httpRequest = builder.build();
            Supplier<String> described = () -> method + " " + path + " [" + request.contentType() + "] token="
                    + kind(request.token()) + " body: " + Findings.clip(new String(request.body(), StandardCharsets.UTF_8));
            return () -> {
                try {
                    HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                    findings.check(endpoint, described, response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""), response.body());
                } catch (IOException e) {
                    findings.noAnswer(endpoint, described, e);
                }
                return null;
            };
        });
        System.out.printf("fuzzed %s: %d bodies in %d s%n", endpoint, sent,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return sent;
    }

    /** Generates {@code count} requests in order from one seeded random source and sends them a few at a time. */
    private static <T> long run(int count, Gen<T> generator, Random random,
                                java.util.function.Function<T, Callable<Void>> toCall) throws Exception {
        for (int done = 0; done < count; done += BATCH) {
            List<Callable<Void>> batch = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + BATCH); i++) {
                batch.add(toCall.apply(generator.next(random)));
            }
            for (var future : pool.invokeAll(batch)) {
                future.get();
            }
        }
        return count;
    }

    /** A request target of ASCII characters that {@link URI} reads, as Quarkus checks before routing. */
    private static boolean isUri(String target) {
        if (!target.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Mostly the token that reaches the endpoint's validation; now and then none, a broken one or the wrong role. */
    private static Gen<String> tokens(String privileged) {
        return Gen.frequency(
                Gen.weight(94, Gen.just(privileged)),
                Gen.weight(6, Gen.of(List.of("", "let-me-in", "a.b.c",
                        TestTokens.token("physio").clinic(CLINIC).expiresAt(Instant.now().minusSeconds(600)).sign(),
                        TestTokens.runner("zed", CLINIC), TestTokens.clinicSystem(CLINIC), TestTokens.physio("south"),
                        TestTokens.token("physio").sign()))));
    }

    private static String kind(String token) {
        if (token == null) {
            return "none";
        }
        return token.equals(admin) ? "clinic-admin" : token.equals(physio) ? "physio" : "another";
    }

    /** One hostile parameter slot: {@code {}} in the target is replaced by the hostile value. */
    private record Slot(String service, String endpoint, String method, String target, String token, String body) {
    }

    /** A hostile value for a slot and the token it is sent with (null: none). */
    private record ParamRequest(String part, String token) {
    }

    /** A generated body, its content type (empty: none), token (null: none) and the path it goes to. */
    private record BodyRequest(byte[] body, String contentType, String token, String path) {
    }

    // what must hold afterwards

    /** What was stored before the fuzzing and must come through it unchanged. */
    private static Map<String, JsonNode> storedData() throws Exception {
        Map<String, JsonNode> stored = new LinkedHashMap<>();
        json(expect(200, call("catalog-service", "GET", "/api/exercises?includeRetired=true", null, null)))
                .forEach(exercise -> {
                    if (!exercise.path("slug").asText().startsWith("fuzz-")) {
                        stored.put("exercise " + exercise.path("slug").asText(), exercise);
                    }
                });
        stored.put("citations", json(expect(200, call("catalog-service", "GET", "/api/citations", null, null))));
        stored.put("protocols", json(expect(200, call("plan-service", "GET", "/api/protocols", null, null))));
        stored.put("ana's plan", json(expect(200, call("plan-service", "GET", "/api/plans/" + anaPlan, physio, null))));
        stored.put("ana's plans", json(expect(200, call("plan-service", "GET", "/api/plans?athleteId=ana", physio, null))));
        for (String view : List.of("sessions", "events")) {
            stored.put("ana's " + view, json(expect(200,
                    call("progress-service", "GET", "/api/progress/ana/" + view, physio, null))));
        }
        return stored;
    }

    /**
     * Nothing that got through is half-written: every exercise is complete as validation demands, and each athlete
     * the intakes were for has one active plan at most.
     */
    private static void storedDataIsWhole() throws Exception {
        for (JsonNode exercise : json(expect(200, call("catalog-service", "GET", "/api/exercises?includeRetired=true", null, null)))) {
            String slug = exercise.path("slug").asText();
            assertTrue(!exercise.path("name").asText().isBlank() && !exercise.path("focus").asText().isBlank()
                    && !exercise.path("instructions").asText().isBlank(), slug + " is incomplete: " + exercise);
            assertTrue(exercise.path("phase").asInt() >= 1 && exercise.path("phase").asInt() <= 4, slug + ": " + exercise);
            assertTrue(exercise.path("dosage").path("sets").asInt() >= 1, slug + ": " + exercise);
        }
        for (int i = 0; i < 40; i++) {
            JsonNode plans = json(expect(200, call("plan-service", "GET", "/api/plans?athleteId=fuzz-intake-" + i, physio, null)));
            long active = 0;
            for (JsonNode plan : plans) {
                active += plan.path("status").asText().equals("ACTIVE") ? 1 : 0;
                assertEquals(4, plan.path("phases").size(), "a plan without its phases: " + plan.path("planId"));
            }
            assertTrue(active <= 1, "fuzz-intake-" + i + " has " + active + " active plans");
        }
    }

    /** A plan, a session counted from it, and an edit of an exercise all still work. */
    private static void theServicesStillDoTheirWork() throws Exception {
        expect(201, call("plan-service", "POST", "/api/plans", physio, intake("fuzz-after", 3)));
        // the fuzzing left thousands of valid plans and sessions for progress-service's consumers to work through first
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).until(() ->
                call("progress-service", "GET", "/api/progress/fuzz-after", physio, null).statusCode() == 200);
        System.out.printf("FIGURES fuzzing backlog: a plan created after the fuzzing reached progress-service in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        String session = session("fuzz-after", 1);
        String eventId = json(session).path("eventId").asText();
        expect(202, call("progress-service", "POST", "/api/sessions", physio, session));
        await().atMost(Duration.ofMinutes(10)).until(() -> json(call("progress-service", "GET",
                "/api/progress/fuzz-after/sessions", physio, null)).findValuesAsText("eventId").contains(eventId));
        expect(200, call("catalog-service", "PUT", "/api/exercises/fuzz-target", admin,
                exercise("fuzz-target", 900).replace("Hold still.", "Hold still, then rest.")));
        assertTrue(call("catalog-service", "GET", "/api/exercises/fuzz-target", null, null).body()
                .contains("Hold still, then rest."));
    }

    // plain requests

    private static HttpResponse<String> call(String service, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.request().method() + " " + response.uri() + ": " + response.body());
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return json(response.body());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static String intake(String athleteId, int daysAgo) {
        return """
                {"athleteId": "%s", "injuryDate": "%s", "side": "LEFT", "grade": 1, "suspectedSource": "MUSCLE",
                 "clinicianConfirmed": true, "mechanism": "SPRINTING", "timeZone": "UTC"}"""
                .formatted(athleteId, LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo));
    }

    /** An isometric hold at dose, pain-free, {@code hoursAgo} hours ago. */
    private static String session(String athleteId, int hoursAgo) {
        return """
                {"eventId": "%s", "athleteId": "%s", "exercise": "isometric-heel-press", "performedAt": "%s",
                 "sets": 3, "holdSeconds": 40, "painDuring": 0, "painAfter": 0}"""
                .formatted(UUID.randomUUID(), athleteId,
                        Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    /** A complete exercise; without a slug when {@code slug} is null (as a PUT may send it). */
    private static String exercise(String slug, int number) {
        return """
                {%s"number": %d, "name": "Fuzz hold", "phase": 2, "focus": "Holding", "instructions": "Hold still.",
                 "dosage": {"sets": 2, "holdSecondsMin": 20, "holdSecondsMax": 30, "perSide": true,
                            "frequency": {"timesMin": 1, "timesMax": 2, "per": "DAY"}}}"""
                .formatted(slug == null ? "" : "\"slug\": \"" + slug + "\", ", number);
    }
}
