package org.physiorun.catalog.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The ten exercises and four citations of the protocol, as a runner and a clinician read them. */
@QuarkusTest
@WithTestResource(RealServers.class)
class CatalogueReferenceDataTest {

    @Test
    void theTenExercisesComeInOrderWithTheirPhases() {
        when().get("/api/exercises?includeRetired=true")
                .then().statusCode(200)
                .body("findAll { it.number <= 10 }.slug", contains(
                        "isometric-heel-press", "extender", "glider", "single-leg-rdl", "nordic-assisted",
                        "diver", "nordic-full", "walkouts", "a-skips", "sprint-build-ups"))
                .body("findAll { it.number <= 10 }.phase", contains(1, 1, 2, 2, 2, 3, 3, 3, 4, 4))
                .body("find { it.slug == 'single-leg-rdl' }.name", equalTo("Single-Leg Romanian Deadlift (SL RDL)"));
    }

    @Test
    void phaseTwoListsTheEccentricFoundationWithDoses() {
        // Tests that add exercises use other phases, so phase 2 holds the reference data alone.
        when().get("/api/exercises?phase=2")
                .then().statusCode(200)
                .body("slug", contains("glider", "single-leg-rdl", "nordic-assisted"))
                .body("[0].dosage.sets", equalTo(3))
                .body("[0].dosage.repsMin", equalTo(8))
                .body("[0].dosage.repsMax", equalTo(8))
                .body("[0].dosage.perSide", equalTo(true))
                .body("[0].dosage.lowerSeconds", equalTo(4))
                .body("[0].dosage.frequency.timesMin", equalTo(3))
                .body("[0].dosage.frequency.per", equalTo("WEEK"))
                .body("[1].dosage.repsMin", equalTo(10))
                .body("[1].dosage.lowerSeconds", equalTo(3))
                .body("[2].dosage.repsMin", equalTo(6))
                .body("[2].dosage.repsMax", equalTo(8))
                .body("[2].citations.id", contains("freeman-2019"));
    }

    @Test
    void dosesReadTheWayTheContractSays() {
        when().get("/api/exercises/isometric-heel-press").then().statusCode(200)
                .body("dosage.sets", equalTo(3))
                .body("dosage.holdSecondsMin", equalTo(30))
                .body("dosage.holdSecondsMax", equalTo(45))
                .body("dosage.frequency.timesMin", equalTo(2))
                .body("dosage.frequency.timesMax", equalTo(2))
                .body("dosage.frequency.per", equalTo("DAY"))
                .body("dosage.painCeiling", equalTo(3));
        when().get("/api/exercises/sprint-build-ups").then().statusCode(200)
                .body("dosage.sets", equalTo(1))
                .body("dosage.repsMin", equalTo(6))
                .body("dosage.repsMax", equalTo(8))
                .body("dosage.distanceMetresMin", equalTo(40))
                .body("dosage.distanceMetresMax", equalTo(60))
                .body("citations.id", contains("mendiguchia-2020"));
        when().get("/api/exercises/a-skips").then().statusCode(200)
                .body("dosage.sets", equalTo(3))
                .body("dosage.distanceMetresMin", equalTo(20))
                .body("dosage.frequency.timesMin", equalTo(3))
                .body("dosage.frequency.timesMax", equalTo(4))
                .body("dosage.frequency.per", equalTo("WEEK"));
        when().get("/api/exercises/nordic-full").then().statusCode(200)
                .body("dosage.sets", equalTo(4))
                .body("dosage.repsMin", equalTo(8));
        when().get("/api/exercises/extender").then().statusCode(200)
                .body("dosage.repsMin", equalTo(12))
                .body("dosage.frequency.timesMin", equalTo(1))
                .body("citations.id", contains("askling-2013"));
    }

    @Test
    void textSearchFindsBothNordics() {
        given().queryParam("q", "NORDIC").when().get("/api/exercises")
                .then().statusCode(200)
                .body("findAll { it.number <= 10 }.slug", contains("nordic-assisted", "nordic-full"));
    }

    @Test
    void theFourCitationsCarryOnlyVerifiedDois() {
        when().get("/api/citations").then().statusCode(200)
                .body("id", containsInAnyOrder("askling-2012", "askling-2013", "freeman-2019", "mendiguchia-2020"))
                .body("find { it.id == 'askling-2013' }.doi", equalTo("10.1136/bjsports-2013-092165"))
                .body("find { it.id == 'freeman-2019' }.doi", equalTo("10.23736/S0022-4707.18.08703-0"))
                .body("find { it.id == 'mendiguchia-2020' }.doi", equalTo("10.1371/journal.pone.0228283"))
                .body("find { it.id == 'mendiguchia-2020' }.pmid", equalTo("32045411"))
                .body("find { it.id == 'askling-2012' }.doi", nullValue());
        when().get("/api/citations/askling-2013").then().statusCode(200)
                .body("journal", startsWith("Br J Sports Med"))
                .body("year", equalTo(2013))
                .body("volume", equalTo("47"))
                .body("issue", equalTo("15"))
                .body("pages", equalTo("953-9"))
                // the paper's 51 days stands where the article says 52
                .body("findings", org.hamcrest.Matchers.containsString("51"))
                .body("note", org.hamcrest.Matchers.containsString("52"));
    }

    @Test
    void unknownThingsAreProblemsNotPages() {
        when().get("/api/exercises/no-such-exercise").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", org.hamcrest.Matchers.containsString("no-such-exercise"));
        when().get("/api/citations/nobody-2099").then().statusCode(404)
                .contentType("application/problem+json");
        when().get("/api/exercises?phase=two").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("two"));
        when().get("/api/exercises?phase=9").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("phase"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/health/live").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200).body(not(equalTo("")));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/exercises/{slug}"));
    }
}
