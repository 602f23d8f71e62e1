package org.physiorun.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.physiorun.infra.testing.Stack;
import org.physiorun.infra.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's access table, walked cell by cell against the three packaged services, each checking the
 * tokens itself: every endpoint for nobody, each role, the athlete themselves and another one, the athlete's
 * clinic and another clinic. A refusal must be a problem that shows nothing of the athlete's data.
 * <p>
 * The people are the demo realm's: runners ana and ben of clinic north, cai of clinic south; pat (physio),
 * ada (clinic-admin) and north's system of clinic north; sam (physio) of clinic south.
 */
class AccessMatrixIT {

    /** Any refusal that reveals nothing: 403, or 404 as if there were nothing. */
    private static final int DENIED = -1;

    private static final String[] PEOPLE = {"nobody", "ana", "ben", "pat", "ada", "north-system", "sam"};

    private static Stack stack;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    /** Each exercise the test adds gets a number of its own, as the catalogue requires. */
    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static String anaPlan;
    private static String caiPlan;
    private static String adasExercise;

    @BeforeAll
    static void startTheSystemWithTwoClinics() throws Exception {
        stack = SharedStack.get();
        TOKENS.put("ana", TestTokens.runner("ana", "north"));
        TOKENS.put("ben", TestTokens.runner("ben", "north"));
        TOKENS.put("pat", TestTokens.physio("north"));
        TOKENS.put("ada", TestTokens.clinicAdmin("north"));
        TOKENS.put("north-system", TestTokens.clinicSystem("north"));
        TOKENS.put("sam", TestTokens.physio("south"));
        // ana starts her own plan (north); sam starts cai's at clinic south.
        anaPlan = intake("ana", TestTokens.runner("ana", "north")).then().statusCode(201)
                .body("clinicId", equalTo("north")).extract().path("planId");
        caiPlan = intake("cai", TOKENS.get("sam")).then().statusCode(201)
                .body("clinicId", equalTo("south")).extract().path("planId");
        adasExercise = fresh();
        as(TOKENS.get("ada"), "catalog-service").contentType(ContentType.JSON).body(exercise(adasExercise))
                .post("/api/exercises").then().statusCode(201);
        for (String athlete : List.of("ana", "cai")) {
            String reader = athlete.equals("ana") ? TOKENS.get("pat") : TOKENS.get("sam");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    as(reader, "progress-service").get("/api/progress/" + athlete).statusCode() == 200);
        }
    }


    @TestFactory
    Stream<DynamicTest> oneAthletesDataOnlyForThemAndTheirClinic() {
        String from = LocalDate.now(ZoneOffset.UTC).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(6).toString();
        List<Row> rows = List.of(
                //                                                           nobody ana  ben     pat  ada  north-sys sam
                read("plan-service", "/api/plans/" + anaPlan, anaPlan,          401, 200, DENIED, 200, 200, 200, DENIED),
                read("plan-service", "/api/plans/" + anaPlan + "/schedule?from=" + from + "&to=" + to, anaPlan,
                                                                                401, 200, DENIED, 200, 200, 200, DENIED),
                read("plan-service", "/api/plans/" + anaPlan + "/calendar.ics", "isometric",
                                                                                401, 200, DENIED, 200, 200, 200, DENIED),
                read("progress-service", "/api/progress/ana", anaPlan,          401, 200, DENIED, 200, 200, 200, DENIED),
                read("progress-service", "/api/progress/ana/sessions", "[",     401, 200, DENIED, 200, 200, 200, DENIED),
                read("progress-service", "/api/progress/ana/events", "[",       401, 200, DENIED, 200, 200, 200, DENIED),
                read("progress-service", "/api/progress/ana/adherence", "overall",
                                                                                401, 200, DENIED, 200, 200, 200, DENIED),
                write("plan-service", "PATCH", "/api/plans/" + anaPlan, who -> """
                        {"reminderTime": "07:30"}""",                           401, 200, DENIED, 200, 200, 403, DENIED),
                write("plan-service", "POST", "/api/plans/" + anaPlan + "/calendar-url", who -> "",
                                                                                401, 200, DENIED, 200, 200, 403, DENIED),
                write("progress-service", "POST", "/api/sessions", who -> session("ana"),
                                                                                401, 202, 403, 202, 403, 403, DENIED));
        return cells(rows);
    }

    @Test
    void intakeForOneselfOrForTheClinic() {
        intake(fresh(), null).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        String dan = fresh();
        intake(dan, TestTokens.runner(dan, "north")).then().statusCode(201).body("clinicId", equalTo("north"));
        intake("ana", TOKENS.get("ben")).then().statusCode(403).body(not(containsString(anaPlan)));
        intake(fresh(), TOKENS.get("pat")).then().statusCode(201).body("clinicId", equalTo("north"));
        intake(fresh(), TOKENS.get("ada")).then().statusCode(201).body("clinicId", equalTo("north"));
        intake(fresh(), TOKENS.get("north-system")).then().statusCode(403);
        intake(fresh(), TOKENS.get("sam")).then().statusCode(201).body("clinicId", equalTo("south"));
        // cai's active plan is clinic south's: north cannot take her over
        intake("cai", TOKENS.get("pat")).then().statusCode(409).body(not(containsString(caiPlan)));
        intake("cai", TOKENS.get("ada")).then().statusCode(409);
    }

    @TestFactory
    Stream<DynamicTest> theCatalogueIsReadByAllAndEditedByTheClinicAdmin() {
        List<Row> rows = List.of(
                read("catalog-service", "/api/exercises", "glider",             200, 200, 200, 200, 200, 200, 200),
                read("catalog-service", "/api/exercises/glider", "glider",      200, 200, 200, 200, 200, 200, 200),
                read("catalog-service", "/api/citations", "doi",                200, 200, 200, 200, 200, 200, 200),
                read("plan-service", "/api/protocols", "hamstring-return-to-run",
                                                                                200, 200, 200, 200, 200, 200, 200),
                write("catalog-service", "POST", "/api/exercises", who -> exercise(fresh()),
                                                                                401, 403, 403, 403, 201, 403, 403),
                write("catalog-service", "PUT", "/api/exercises/" + adasExercise, who -> exercise(adasExercise),
                                                                                401, 403, 403, 403, 200, 403, 403),
                write("catalog-service", "DELETE", "/api/exercises/" + adasExercise, who -> "",
                                                                                401, 403, 403, 403, 200, 403, 403));
        return cells(rows);
    }

    @Test
    void theAthletesListShowsEachClinicOnlyItsOwnAthletes() {
        as(null, "progress-service").get("/api/progress").then().statusCode(401);
        as(TOKENS.get("ana"), "progress-service").get("/api/progress").then().statusCode(403)
                .body(not(containsString("cai")));
        for (String north : List.of("pat", "ada", "north-system")) {
            as(TOKENS.get(north), "progress-service").get("/api/progress").then().statusCode(200)
                    .body("athleteId", hasItem("ana"))
                    .body(not(containsString("\"cai\"")));
        }
        as(TOKENS.get("sam"), "progress-service").get("/api/progress").then().statusCode(200)
                .body("athleteId", hasItem("cai"))
                .body(not(containsString("\"ana\"")));
    }

    @Test
    void aPlansListHoldsOnlyWhatTheCallerMaySee() {
        for (String person : List.of("ben", "sam")) {
            Response response = as(TOKENS.get(person), "plan-service").get("/api/plans?athleteId=ana");
            assertFalse(response.asString().contains(anaPlan), person + " must not see ana's plan");
        }
        as(TOKENS.get("pat"), "plan-service").get("/api/plans?athleteId=ana").then().statusCode(200)
                .body("planId", hasItem(anaPlan));
        as(TOKENS.get("pat"), "plan-service").get("/api/plans?athleteId=cai").then()
                .body(not(containsString(caiPlan)));
    }

    @Test
    void thePrivateCalendarLinkNeedsNoTokenAndEndsWhenRenewed() {
        String first = as(TOKENS.get("ana"), "plan-service").post("/api/plans/" + anaPlan + "/calendar-url")
                .then().statusCode(200).extract().path("calendarUrl");
        String path = first.substring(first.indexOf("/api/calendars/"));
        given().baseUri(stack.url("plan-service")).get(path).then().statusCode(200)
                .body(startsWith("BEGIN:VCALENDAR"));
        as(TOKENS.get("ana"), "plan-service").post("/api/plans/" + anaPlan + "/calendar-url").then().statusCode(200);
        given().baseUri(stack.url("plan-service")).get(path).then().statusCode(404)
                .body(not(containsString("VEVENT")));
    }

    @Test
    void aTokenThatIsExpiredForgedOrForSomeoneElseIsAnswered401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", TestTokens.token("physio").clinic("north").expiresAt(Instant.now().minus(10, ChronoUnit.MINUTES)).sign());
        bad.put("another issuer", TestTokens.token("physio").clinic("north").issuer("https://someone-else.example").sign());
        bad.put("another audience", TestTokens.token("physio").clinic("north").audience("another-api").sign());
        bad.put("tampered", TestTokens.withClaim(TestTokens.physio("south"), "clinic_id", "north"));
        bad.put("signed with another key", TestTokens.token("physio").clinic("north").signWithUntrustedKey());
        bad.put("unsigned", TestTokens.unsigned(TestTokens.physio("north")));
        bad.put("not a token", "let-me-in");
        Map<String, String> paths = Map.of("catalog-service", "/api/exercises", "plan-service", "/api/plans/" + anaPlan,
                "progress-service", "/api/progress/ana");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (Map.Entry<String, String> service : paths.entrySet()) {
                RequestSpecification request = as(token.getValue(), service.getKey());
                Response response = service.getKey().equals("catalog-service")
                        ? request.contentType(ContentType.JSON).body(exercise(fresh())).post(service.getValue())
                        : request.get(service.getValue());
                String what = token.getKey() + " token at " + service.getKey();
                assertEquals(401, response.statusCode(), what);
                assertTrue(response.contentType().startsWith("application/problem+json"), what);
                assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), what);
                assertFalse(response.asString().contains(anaPlan), what);
            }
        }
    }

    /** One endpoint and what each person gets, in the order of {@link #PEOPLE}. */
    private record Row(String service, String method, String path, Function<String, String> body, String shows,
                       int[] expected) {
    }

    private static Row read(String service, String path, String shows, int... expected) {
        return new Row(service, "GET", path, null, shows, expected);
    }

    private static Row write(String service, String method, String path, Function<String, String> body,
                             int... expected) {
        return new Row(service, method, path, body, null, expected);
    }

    private static Stream<DynamicTest> cells(List<Row> rows) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < PEOPLE.length; i++) {
                String person = PEOPLE[i];
                int expected = row.expected()[i];
                String name = row.method() + " " + row.path() + " as " + person + " -> "
                        + (expected == DENIED ? "403 or 404" : expected);
                tests.add(DynamicTest.dynamicTest(name, () -> check(row, person, expected)));
            }
        }
        return tests.stream();
    }

    private static void check(Row row, String person, int expected) {
        RequestSpecification request = as(TOKENS.get(person), row.service());
        if (row.body() != null) {
            String body = row.body().apply(person);
            if (!body.isEmpty()) {
                request.contentType(ContentType.JSON).body(body);
            }
        }
        Response response = request.request(row.method(), row.path());
        int status = response.statusCode();
        if (expected == DENIED) {
            assertTrue(status == 403 || status == 404, "expected 403 or 404, got " + status + ": " + response.asString());
        } else {
            assertEquals(expected, status, response.asString());
        }
        if (status >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertFalse(response.asString().contains(anaPlan), "a refusal shows nothing of ana's plan");
            assertFalse(response.asString().contains(caiPlan), "a refusal shows nothing of cai's plan");
        } else if (row.shows() != null) {
            assertTrue(response.asString().contains(row.shows()), "the answer shows " + row.shows());
        }
        if (status == 401) {
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"));
        }
    }

    private static RequestSpecification as(String token, String service) {
        RequestSpecification request = given().baseUri(stack.url(service));
        return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
    }

    private static Response intake(String athlete, String token) {
        return as(token, "plan-service").contentType(ContentType.JSON).body(Intake.body(athlete, 3)).post("/api/plans");
    }

    private static String session(String athlete) {
        return """
                {"eventId": "%s", "athleteId": "%s", "exercise": "isometric-heel-press", "performedAt": "%s",
                 "sets": 3, "holdSeconds": 40, "painDuring": 0, "painAfter": 0}"""
                .formatted(UUID.randomUUID(), athlete, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String exercise(String slug) {
        return """
                {"slug": "%s", "number": %d, "name": "Wall hold", "phase": 3, "focus": "a test of access",
                 "instructions": "Hold still.", "dosage": {"sets": 2, "holdSecondsMin": 20, "holdSecondsMax": 30}}"""
                .formatted(slug, NUMBERS.computeIfAbsent(slug, s -> 600 + NUMBERS.size()));
    }

    private static String fresh() {
        return "x" + UUID.randomUUID().toString().substring(0, 12);
    }
}
