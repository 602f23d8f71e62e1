package org.physiorun.progress.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's access table for progress-service, walked with real signed tokens: every endpoint for every role,
 * the runner's own athlete against another, the caller's clinic against another. A refusal is a problem that shows
 * nothing of the athlete asked about, and no answer holds another athlete's or another clinic's data.
 *
 * <p>Two clinics of this test's own (north: Ana and Ben; south: Cai), so that the athletes lists can be compared
 * exactly; athletes that a single test adds belong to two others (east and west). Each of them had a session above the pain ceiling, so each has a session and a progression event.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class AccessTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "north-" + RUN;
    private static final String SOUTH = "south-" + RUN;
    // the clinics of the athletes that single tests add, so that north's and south's lists stay exactly as made
    private static final String EAST = "east-" + RUN;
    private static final String WEST = "west-" + RUN;
    private static final List<String> ONE_ATHLETE = List.of("", "/sessions", "/events", "/adherence", "/fhir");

    private static Athletes athletes;

    /** The test's athletes, made once: the Quarkus application is up by the time the first test asks. */
    private static synchronized Athletes athletes() {
        if (athletes == null) {
            athletes = new Athletes(painful(new AthleteJourney(10, NORTH).withPlan()),
                    painful(new AthleteJourney(10, NORTH).withPlan()),
                    painful(new AthleteJourney(10, SOUTH).withPlan()));
        }
        return athletes;
    }

    private record Athletes(AthleteJourney ana, AthleteJourney ben, AthleteJourney cai) {
        List<AthleteJourney> all() {
            return List.of(ana, ben, cai);
        }
    }

    /** The athlete after one session above the pain ceiling, counted and announced. */
    private static AthleteJourney painful(AthleteJourney athlete) {
        athlete.log(athlete.at("extender", 2).pain(0, 5));
        assertEquals(1, athlete.events(1).size());
        athlete.awaitSessions(1);
        return athlete;
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401AndNothingElse() {
        AthleteJourney ana = athletes().ana();
        Map<String, String> refused = refusedTokens(ana);
        for (Map.Entry<String, String> token : refused.entrySet()) {
            for (String endpoint : ONE_ATHLETE) {
                unauthenticated(get(token.getValue(), "/api/progress/" + ana.athleteId + endpoint),
                        token.getKey() + ", GET " + endpoint, ana);
            }
            unauthenticated(get(token.getValue(), "/api/progress"), token.getKey() + ", the athletes list", ana);
            unauthenticated(post(token.getValue(), ana.at("extender", 3).json()), token.getKey() + ", POST", ana);
        }
        // nothing was logged by those posts
        ana.asRunner().get("/api/progress/" + ana.athleteId + "/sessions").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aRunnerReadsAllOfTheirOwnProgressAndNothingOfAnyoneElse() {
        Athletes a = athletes();
        String ana = TestTokens.runner(a.ana().athleteId, NORTH);
        for (String endpoint : ONE_ATHLETE) {
            readable(ana, a.ana(), endpoint, a);
            forbidden(ana, a.ben(), endpoint); // the same clinic
            forbidden(ana, a.cai(), endpoint); // another clinic
        }
        refused(get(ana, "/api/progress"), 403, "a runner's athletes list", a.all());
    }

    @Test
    void aClinicsPhysiotherapistAdminAndSystemReadTheirClinicsAthletesOnly() {
        Athletes a = athletes();
        for (String north : List.of(TestTokens.physio(NORTH), TestTokens.clinicAdmin(NORTH),
                TestTokens.clinicSystem(NORTH))) {
            for (String endpoint : ONE_ATHLETE) {
                readable(north, a.ana(), endpoint, a);
                readable(north, a.ben(), endpoint, a);
                forbidden(north, a.cai(), endpoint);
            }
        }
        String south = TestTokens.physio(SOUTH);
        for (String endpoint : ONE_ATHLETE) {
            readable(south, a.cai(), endpoint, a);
            forbidden(south, a.ana(), endpoint);
            forbidden(south, a.ben(), endpoint);
        }
    }

    @Test
    void theAthletesListHoldsTheCallersClinicsAthletesAndNoOneElse() {
        Athletes a = athletes();
        for (String north : List.of(TestTokens.physio(NORTH), TestTokens.clinicAdmin(NORTH),
                TestTokens.clinicSystem(NORTH))) {
            assertEquals(Set.of(a.ana().athleteId, a.ben().athleteId), listed(north));
        }
        assertEquals(Set.of(a.cai().athleteId), listed(TestTokens.clinicSystem(SOUTH)));
        assertEquals(Set.of(a.cai().athleteId), listed(TestTokens.physio(SOUTH)));
        assertEquals(Set.of(), listed(TestTokens.physio("a-clinic-with-nobody-" + RUN)));
    }

    @Test
    void aRunnerLogsOnlyTheirOwnSessionsAndAPhysiotherapistOnlyTheirClinicsAthletes() {
        AthleteJourney dee = new AthleteJourney(10, EAST).withPlan();
        AthleteJourney eli = new AthleteJourney(10, WEST).withPlan();
        String dees = TestTokens.runner(dee.athleteId, EAST);
        String elis = TestTokens.runner(eli.athleteId, WEST);

        var own = dee.at("extender", 2);
        post(dees, own.json()).then().statusCode(202);
        refused(post(dees, eli.at("extender", 2).json()), 403, "a runner for another clinic's athlete", List.of(eli));
        refused(post(elis, dee.at("extender", 3).json()), 403, "a runner for another athlete", List.of(dee));
        var vouched = dee.at("isometric-heel-press", 3);
        post(TestTokens.physio(EAST), vouched.json()).then().statusCode(202);
        refused(post(TestTokens.physio(WEST), dee.at("extender", 4).json()), 403, "another clinic's physio",
                List.of(dee));
        refused(post(TestTokens.physio(EAST), eli.at("extender", 4).json()), 403, "a physio for another clinic",
                List.of(eli));
        refused(post(TestTokens.clinicAdmin(EAST), dee.at("extender", 5).json()), 403, "a clinic-admin",
                List.of(dee));
        refused(post(TestTokens.clinicSystem(EAST), dee.at("extender", 6).json()), 403, "a clinic system",
                List.of(dee));
        AthleteJourney withoutPlan = new AthleteJourney(10, EAST);
        refused(post(TestTokens.physio(EAST), withoutPlan.at("extender", 2).json()), 403,
                "a physio for an athlete without a plan", List.of(withoutPlan));

        // Exactly the two allowed sessions were taken, each with who entered it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                dee.asPhysio().get("/api/progress/" + dee.athleteId + "/sessions").then().statusCode(200)
                        .body("$", hasSize(2))
                        .body("find { it.eventId == '" + own.eventId() + "' }.enteredBy", equalTo("runner"))
                        .body("find { it.eventId == '" + vouched.eventId() + "' }.enteredBy", equalTo("physio")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                eli.asRunner().get("/api/progress/" + eli.athleteId + "/sessions").then().body("$", hasSize(0)));
    }

    @Test
    void aClinicReadsOnlyWhatBelongsToItsOwnPlanOfAnAthleteWhoMovedToAnotherClinic() {
        AthleteJourney fay = painful(new AthleteJourney(10, EAST).withPlan());
        String eastEvent = fay.events(1).get(0).get("id").asText();
        UUID westPlan = UUID.randomUUID();
        fay.kafka.sendCloudEvent("plan-events", fay.athleteId,
                Journeys.planCreated(UUID.randomUUID(), westPlan, fay.athleteId, WEST, fay.injuryDate, "UTC"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                fay.asRunner().get("/api/progress/" + fay.athleteId).then()
                        .body("planId", equalTo(westPlan.toString())));
        fay.log(fay.at("extender", 3).pain(0, 6));
        List<JsonNode> events = fay.events(2);
        assertEquals(westPlan.toString(), events.get(1).at("/data/planId").asText());
        assertEquals(WEST, events.get(1).at("/data/clinicId").asText());
        String westEvent = events.get(1).get("id").asText();

        fay.asRunner().get("/api/progress/" + fay.athleteId + "/events").then().statusCode(200)
                .body("id", equalTo(List.of(eastEvent, westEvent)));
        String east = TestTokens.physio(EAST);
        given().auth().oauth2(east).get("/api/progress/" + fay.athleteId + "/events").then().statusCode(200)
                .body("id", equalTo(List.of(eastEvent)));
        for (String endpoint : List.of("", "/sessions", "/adherence")) {
            Response answer = get(east, "/api/progress/" + fay.athleteId + endpoint);
            refused(answer, 404, "east's GET " + endpoint + " after the move", List.of());
            assertFalse(answer.asString().contains(westPlan.toString()), answer.asString());
        }
        String west = TestTokens.physio(WEST);
        given().auth().oauth2(west).get("/api/progress/" + fay.athleteId + "/events").then().statusCode(200)
                .body("id", equalTo(List.of(westEvent)));
        given().auth().oauth2(west).get("/api/progress/" + fay.athleteId).then().statusCode(200)
                .body("planId", equalTo(westPlan.toString()));
        assertFalse(listed(east).contains(fay.athleteId), "east lists only its active plans");
        assertTrue(listed(west).contains(fay.athleteId));
    }

    @Test
    void aPlanMadeBeforePlansNamedTheirClinicIsTheRunnersAndNoClinics() {
        AthleteJourney gus = painful(new AthleteJourney(10, null).withPlan());
        JsonNode data = gus.events(1).get(0).get("data");
        assertTrue(data.has("clinicId") && data.get("clinicId").isNull(), "the event names no clinic: " + data);
        for (String endpoint : ONE_ATHLETE) {
            gus.asRunner().get("/api/progress/" + gus.athleteId + endpoint).then().statusCode(200);
            forbidden(TestTokens.physio(NORTH), gus, endpoint);
        }
        assertFalse(listed(TestTokens.clinicSystem(NORTH)).contains(gus.athleteId));
    }

    @Test
    void aTokenWithoutAClinicOrWithoutAKnownRoleReadsAndLogsNothing() {
        Athletes a = athletes();
        for (String token : List.of(TestTokens.token("physio").sign(), TestTokens.token("clinic-system").sign(),
                TestTokens.token("visitor").clinic(NORTH).sign())) {
            for (String endpoint : ONE_ATHLETE) {
                forbidden(token, a.ana(), endpoint);
            }
            refused(get(token, "/api/progress"), 403, "the athletes list", a.all());
            refused(post(token, a.ben().at("extender", 3).json()), 403, "a session", a.all());
        }
    }

    // --- requests and what their answers must hold

    private static Response get(String token, String path) {
        return request(token).get(path);
    }

    private static Response post(String token, String session) {
        return request(token).contentType(ContentType.JSON).body(session).post("/api/sessions");
    }

    private static RequestSpecification request(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** The athlete's data under {@code endpoint}, and no other athlete's. */
    private static void readable(String token, AthleteJourney athlete, String endpoint, Athletes a) {
        Response answer = get(token, "/api/progress/" + athlete.athleteId + endpoint);
        String body = answer.asString();
        assertEquals(200, answer.statusCode(), "GET " + endpoint + " of " + athlete.athleteId + ": " + body);
        assertTrue(body.contains(athlete.planId.toString()), "the athlete's own plan in " + endpoint + ": " + body);
        for (AthleteJourney other : a.all()) {
            if (other != athlete) {
                assertFalse(body.contains(other.athleteId) || body.contains(other.planId.toString()),
                        "another athlete's data in " + endpoint + " of " + athlete.athleteId + ": " + body);
            }
        }
    }

    private static void forbidden(String token, AthleteJourney athlete, String endpoint) {
        refused(get(token, "/api/progress/" + athlete.athleteId + endpoint), 403, "GET " + endpoint, List.of(athlete));
    }

    /** A problem with {@code status} that shows nothing of the athletes. */
    private static void refused(Response answer, int status, String what, List<AthleteJourney> athletes) {
        String body = answer.asString();
        assertEquals(status, answer.statusCode(), what + ": " + body);
        assertTrue(answer.contentType().startsWith("application/problem+json"), what + ": " + answer.contentType());
        for (AthleteJourney athlete : athletes) {
            assertFalse(body.contains(athlete.planId.toString()), what + " shows the athlete's plan: " + body);
        }
    }

    private static void unauthenticated(Response answer, String what, AthleteJourney athlete) {
        refused(answer, 401, what, List.of(athlete));
        String challenge = answer.header("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"), what + ": WWW-Authenticate " + challenge);
    }

    /** The athletes of the caller's list. */
    private static Set<String> listed(String token) {
        Response answer = get(token, "/api/progress");
        assertEquals(200, answer.statusCode(), answer.asString());
        List<String> ids = answer.jsonPath().getList("athleteId");
        return ids.stream().collect(Collectors.toSet());
    }

    // --- tokens that must not get in

    /** Each kind of token a service must refuse, by name; null is no token at all. */
    private static Map<String, String> refusedTokens(AthleteJourney ana) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("an expired token",
                TestTokens.token("physio").clinic(NORTH).expiresAt(Instant.now().minusSeconds(600)).sign());
        tokens.put("another issuer's token",
                TestTokens.token("physio").clinic(NORTH).issuer("https://elsewhere.example/realms/physiorun").sign());
        tokens.put("a token for another audience",
                TestTokens.token("physio").clinic(NORTH).audience("another-api").sign());
        tokens.put("a token whose claims were changed after signing",
                TestTokens.withClaim(TestTokens.runner("someone-" + RUN, NORTH), "athlete_id", ana.athleteId));
        tokens.put("a token signed with another key", TestTokens.token("physio").clinic(NORTH).signWithUntrustedKey());
        tokens.put("an unsigned token", TestTokens.unsigned(TestTokens.physio(NORTH)));
        tokens.put("something that is not a token", "not-a-token");
        return tokens;
    }
}
