package org.physiorun.catalog.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A clinic-admin adds and edits exercises; every bad edit is refused with a problem naming the field, and
 * leaves the catalogue as it was. New exercises go in phase 3 so that the phase-2 reference list stays exact.
 * Who may edit at all is {@link CatalogueAccessTest}'s subject.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class ExerciseEditingTest {

    private static final String ADMIN = TestTokens.clinicAdmin("north");
    private static final AtomicInteger NUMBER = new AtomicInteger(100 + (int) (System.nanoTime() % 1000));

    private static String body(String slug, int number, int phase, String sets, String repsMin, String repsMax,
                               String citation) {
        return """
                {"slug": "%s", "number": %d, "name": "Bridge walkout", "phase": %d,
                 "focus": "Hamstring endurance at mid length", "instructions": "Lie on your back and walk the heels out.",
                 "dosage": {"sets": %s, "repsMin": %s, "repsMax": %s, "frequency": {"timesMin": 3, "per": "WEEK"},
                            "painCeiling": 3},
                 "citations": [%s]}""".formatted(slug, number, phase, sets, repsMin, repsMax,
                citation == null ? "" : "{\"id\": \"" + citation + "\", \"claim\": \"supports long-length loading\"}");
    }

    private static String valid(String slug) {
        return body(slug, NUMBER.incrementAndGet(), 3, "3", "8", "10", "askling-2013");
    }

    private static ValidatableResponse post(String json) {
        return asAdmin().contentType(ContentType.JSON).body(json).when().post("/api/exercises").then();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN);
    }

    private static void assertAbsent(String slug) {
        when().get("/api/exercises/" + slug).then().statusCode(404);
    }

    @Test
    void aClinicAdminAddsAnExerciseAndReadsItBack() {
        post(valid("bridge-walkout"))
                .statusCode(201)
                .header("Location", endsWith("/api/exercises/bridge-walkout"))
                .body("slug", equalTo("bridge-walkout"));
        when().get("/api/exercises/bridge-walkout").then().statusCode(200)
                .body("phase", equalTo(3))
                .body("dosage.repsMin", equalTo(8))
                .body("dosage.repsMax", equalTo(10))
                .body("dosage.frequency.timesMax", equalTo(3))
                .body("citations.id", contains("askling-2013"))
                .body("citations[0].claim", equalTo("supports long-length loading"));
    }

    @Test
    void throughTheGatewayTheLocationIsTheGateways() {
        asAdmin().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "clinic.example.org")
                .contentType(ContentType.JSON).body(valid("gateway-drill")).when().post("/api/exercises")
                .then().statusCode(201)
                .header("Location", equalTo("https://clinic.example.org/api/exercises/gateway-drill"));
    }

    @Test
    void anEditChangesTheDoseAndKeepsTheSlug() {
        post(valid("hip-thrust")).statusCode(201);
        int number = NUMBER.incrementAndGet();
        asAdmin().contentType(ContentType.JSON).body(body("hip-thrust", number, 3, "4", "6", "6", null))
                .when().put("/api/exercises/hip-thrust")
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("dosage.sets", equalTo(4))
                .body("citations", org.hamcrest.Matchers.empty());
        // found by fuzzing: an edit that leaves the slug to the path took its own number for another exercise's (409)
        asAdmin().contentType(ContentType.JSON).body(body("hip-thrust", number, 3, "5", "6", "6", null)
                        .replace("\"slug\": \"hip-thrust\", ", ""))
                .when().put("/api/exercises/hip-thrust")
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("dosage.sets", equalTo(5));
        asAdmin().contentType(ContentType.JSON).body(body("other-slug", number, 3, "4", "6", "6", null))
                .when().put("/api/exercises/hip-thrust")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("slug"));
    }

    @Test
    void anUnknownPhaseIsRefused() {
        post(body("phase-five", NUMBER.incrementAndGet(), 5, "3", "8", "8", null))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", contains("phase"))
                .body("errors[0].message", containsString("1 to 4"));
        assertAbsent("phase-five");
    }

    @Test
    void setsBelowOneAreRefused() {
        post(body("no-sets", NUMBER.incrementAndGet(), 3, "0", "8", "8", null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("dosage.sets"));
        assertAbsent("no-sets");
    }

    @Test
    void aMinimumAboveItsMaximumIsRefused() {
        post(body("upside-down", NUMBER.incrementAndGet(), 3, "3", "12", "8", null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("dosage.repsMin"));
        assertAbsent("upside-down");
    }

    @Test
    void anUnknownCitationIsRefusedAndNothingIsWritten() {
        post(body("made-up-evidence", NUMBER.incrementAndGet(), 3, "3", "8", "8", "nobody-2099"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("citations[0].id"))
                .body("detail", containsString("nobody-2099"));
        assertAbsent("made-up-evidence");
    }

    @Test
    void aDuplicateSlugOrNumberIsAConflict() {
        post(valid("twin")).statusCode(201);
        post(valid("twin")).statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("slug"));
        post(body("not-a-twin", 1, 3, "3", "8", "8", null))
                .statusCode(409).body("errors.field", contains("number"));
        assertAbsent("not-a-twin");
        // the reference exercise numbered 1 is untouched
        when().get("/api/exercises/isometric-heel-press").then().statusCode(200).body("number", equalTo(1));
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        post("{\"slug\": \"broken\", ").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"));
        post(body("wrong-type", NUMBER.incrementAndGet(), 3, "\"three\"", "8", "8", null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("dosage.sets"));
        asAdmin().contentType(ContentType.JSON).when().post("/api/exercises")
                .then().statusCode(400).contentType("application/problem+json");
        assertAbsent("broken");
        assertAbsent("wrong-type");
    }

    @Test
    void editingAnUnknownExerciseIsNotFound() {
        asAdmin().contentType(ContentType.JSON).body(valid("ghost"))
                .when().put("/api/exercises/ghost")
                .then().statusCode(404).contentType("application/problem+json");
        assertAbsent("ghost");
    }

    @Test
    void aRetiredExerciseLeavesTheListButStaysReadable() {
        post(valid("old-drill")).statusCode(201);
        asAdmin().when().delete("/api/exercises/old-drill").then().statusCode(200).body("retired", equalTo(true));
        when().get("/api/exercises").then().statusCode(200).body("slug", not(hasItem("old-drill")));
        when().get("/api/exercises?includeRetired=true").then().statusCode(200).body("slug", hasItem("old-drill"));
        when().get("/api/exercises/old-drill").then().statusCode(200)
                .body("retired", equalTo(true))
                .body("dosage.sets", equalTo(3));
    }
}
