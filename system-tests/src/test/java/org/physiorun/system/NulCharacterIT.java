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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL character (which PostgreSQL cannot store in text) in a path, a query parameter or a JSON string is a 400
 * problem on every service, never a 500, and leaves the services healthy and the stored data unchanged.
 */
class NulCharacterIT {

    private static final String CLINIC = "north";

    private static Stack stack;
    private static String physio;
    private static String planId;

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = SharedStack.get();
        physio = TestTokens.physio(CLINIC);
        planId = as("plan-service").contentType(ContentType.JSON).body(Intake.body("ana", 3))
                .post("/api/plans").then().statusCode(201).extract().path("planId");
    }


    @TestFactory
    Stream<DynamicTest> aNulInAPathOrAQueryParameterIsA400() {
        Map<String, List<String>> paths = Map.of(
                "catalog-service", List.of("/api/exercises?q=%00", "/api/exercises/%00", "/api/exercises/glider%00",
                        "/api/citations/%00"),
                "plan-service", List.of("/api/plans?athleteId=%00", "/api/plans?athleteId=ana%00", "/api/plans/%00",
                        "/api/plans/%00/schedule", "/api/protocols/%00", "/api/protocols/hamstring-return-to-run?version=%00",
                        "/api/calendars/%00.ics", "/api/plans/" + planId + "/schedule?from=%00"),
                "progress-service", List.of("/api/progress/%00", "/api/progress/ana%00", "/api/progress/%00/sessions",
                        "/api/progress/%00/events", "/api/progress/%00/adherence", "/api/progress/ana/adherence?weeks=%00"));
        return paths.entrySet().stream().flatMap(service -> service.getValue().stream().map(path ->
                DynamicTest.dynamicTest(service.getKey() + " GET " + path, () ->
                        assertRefused(as(service.getKey()).urlEncodingEnabled(false).get(path)))));
    }

    @Test
    void aNulInsideAJsonStringIsA400AndStoresNothing() {
        String admin = TestTokens.clinicAdmin(CLINIC);
        assertRefused(given().baseUri(stack.url("catalog-service")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"slug": "nul-hold", "number": 950, "name": "Hold\\u0000", "phase": 3, "focus": "none",
                         "instructions": "Hold still.", "dosage": {"sets": 2, "holdSecondsMin": 20}}""")
                .post("/api/exercises"));
        given().baseUri(stack.url("catalog-service")).get("/api/exercises/nul-hold").then().statusCode(404);

        assertRefused(as("plan-service").contentType(ContentType.JSON).body(Intake.body("bad\\u0000athlete", 3))
                .post("/api/plans"));

        assertRefused(as("progress-service").contentType(ContentType.JSON).body("""
                {"eventId": "%s", "athleteId": "ana", "exercise": "isometric-heel-press", "performedAt": "%s",
                 "sets": 3, "holdSeconds": 40, "painDuring": 0, "painAfter": 0, "notes": "fine\\u0000"}"""
                .formatted(UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)))
                .post("/api/sessions"));

        for (String service : List.of("catalog-service", "plan-service", "progress-service")) {
            given().baseUri(stack.url(service)).get("/q/health/ready").then().statusCode(200);
        }
        as("plan-service").get("/api/plans/" + planId).then().statusCode(200);
    }

    private static void assertRefused(Response response) {
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    }

    private static RequestSpecification as(String service) {
        return given().baseUri(stack.url(service)).auth().oauth2(physio);
    }
}
