package org.physiorun.catalog.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Anyone reads the catalogue, with or without a token; only a clinic-admin changes it. Every token here is
 * verified for real (signature, issuer, audience, expiry) against the tests' public key.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class CatalogueAccessTest {

    private static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger NUMBER = new AtomicInteger(2000 + (int) (System.nanoTime() % 1000));

    @Test
    void theCatalogueIsReadWithoutAToken() {
        when().get("/api/exercises").then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(9));
        when().get("/api/exercises/glider").then().statusCode(200).body("name", equalTo("Glider"));
        when().get("/api/citations").then().statusCode(200);
        when().get("/api/citations/askling-2013").then().statusCode(200);
    }

    @Test
    void aStaleTokenDoesNotStopAnyoneReading() {
        String expired = TestTokens.token("runner").athlete("ana").clinic("north")
                .expiresAt(Instant.now().minusSeconds(600)).sign();
        given().auth().oauth2(expired).when().get("/api/exercises/glider").then().statusCode(200);
        given().auth().oauth2(TestTokens.runner("ana", "north")).when().get("/api/citations").then().statusCode(200);
    }

    @Test
    void changingTheCatalogueWithoutATokenIsA401AndChangesNothing() {
        String slug = "anonymous-" + UUID.randomUUID();
        unauthenticated(given().contentType(ContentType.JSON).body(exercise(slug)).when().post("/api/exercises").then());
        unauthenticated(given().contentType(ContentType.JSON).body(exercise("glider")).when().put("/api/exercises/glider").then());
        unauthenticated(when().delete("/api/exercises/glider").then());
        when().get("/api/exercises/" + slug).then().statusCode(404);
        when().get("/api/exercises/glider").then().statusCode(200).body("retired", equalTo(false))
                .body("phase", equalTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensThatDoNotCheckOut")
    void aTokenThatDoesNotCheckOutIsA401(String what, String token) {
        String slug = "forged-" + UUID.randomUUID();
        unauthenticated(given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(slug))
                .when().post("/api/exercises").then());
        unauthenticated(given().auth().oauth2(token).when().delete("/api/exercises/glider").then());
        when().get("/api/exercises/" + slug).then().statusCode(404);
        when().get("/api/exercises/glider").then().statusCode(200).body("retired", equalTo(false));
    }

    static Stream<Arguments> tokensThatDoNotCheckOut() {
        return Stream.of(
                Arguments.of("expired", TestTokens.token("clinic-admin").clinic("north")
                        .expiresAt(Instant.now().minusSeconds(600)).sign()),
                Arguments.of("another issuer", TestTokens.token("clinic-admin").clinic("north")
                        .issuer("https://someone-else.example/realms/physiorun").sign()),
                Arguments.of("another audience", TestTokens.token("clinic-admin").clinic("north")
                        .audience("another-api").sign()),
                Arguments.of("a runner's token made into a clinic-admin's", TestTokens.withClaim(
                        TestTokens.runner("ana", "north"), "realm_access", Map.of("roles", List.of("clinic-admin")))),
                Arguments.of("signed with another key", TestTokens.token("clinic-admin").clinic("north").signWithUntrustedKey()),
                Arguments.of("not a token at all", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyoneButAClinicAdmin")
    void onlyAClinicAdminChangesTheCatalogue(String who, String token) {
        String slug = "not-yours-" + UUID.randomUUID();
        forbidden(given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise(slug))
                .when().post("/api/exercises").then());
        forbidden(given().auth().oauth2(token).contentType(ContentType.JSON).body(exercise("glider"))
                .when().put("/api/exercises/glider").then());
        forbidden(given().auth().oauth2(token).when().delete("/api/exercises/glider").then());
        when().get("/api/exercises/" + slug).then().statusCode(404);
        when().get("/api/exercises/glider").then().statusCode(200).body("retired", equalTo(false))
                .body("phase", equalTo(2));
    }

    static Stream<Arguments> everyoneButAClinicAdmin() {
        return Stream.of(
                Arguments.of("runner", TestTokens.runner("ana", "north")),
                Arguments.of("physio", TestTokens.physio("north")),
                Arguments.of("clinic-system", TestTokens.clinicSystem("north")));
    }

    @Test
    void aClinicAdminAddsEditsAndRetires() {
        String slug = "admin-drill-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.clinicAdmin("north")).contentType(ContentType.JSON).body(exercise(slug))
                .when().post("/api/exercises").then().statusCode(201);
        // The catalogue is the platform's, not one clinic's: any clinic's admin keeps it.
        given().auth().oauth2(TestTokens.clinicAdmin("south")).contentType(ContentType.JSON)
                .body(exercise(slug).replace("\"sets\": 3", "\"sets\": 4"))
                .when().put("/api/exercises/" + slug).then().statusCode(200).body("dosage.sets", equalTo(4));
        given().auth().oauth2(TestTokens.clinicAdmin("north")).when().delete("/api/exercises/" + slug)
                .then().statusCode(200).body("retired", equalTo(true));
    }

    private static String exercise(String slug) {
        return """
                {"slug": "%s", "number": %d, "name": "Access drill", "phase": 3, "focus": "access checks",
                 "instructions": "Stand still.", "dosage": {"sets": 3, "repsMin": 8, "repsMax": 8}}"""
                .formatted(slug, NUMBER.incrementAndGet());
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("/problems/unauthenticated"));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("type", equalTo("/problems/forbidden"));
    }
}
