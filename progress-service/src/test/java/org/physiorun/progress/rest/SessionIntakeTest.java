package org.physiorun.progress.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Logging a session over HTTP: accepted once Kafka holds it, counted once, refused clearly when wrong. */
@QuarkusTest
@WithTestResource(RealServers.class)
class SessionIntakeTest {

    private static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/sessions").then();
    }

    @Test
    void aPostedSessionIsAcceptedCountedOnceAndShownInTheCapacityCheck() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        var session = athlete.at("extender", 2);
        post(session.json()).statusCode(202).body("eventId", equalTo(session.eventId().toString()));
        post(session.json()).statusCode(202).body("eventId", equalTo(session.eventId().toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                when().get("/api/progress/" + athlete.athleteId + "/sessions").then().body("$", hasSize(1)));
        // a repost after it was counted changes nothing either
        post(session.json()).statusCode(202);
        when().get("/api/progress/" + athlete.athleteId).then().statusCode(200)
                .body("phase", equalTo(1))
                .body("day", equalTo(3))
                .body("nextGate.toPhase", equalTo(2))
                .body("nextGate.criteria.id", contains("min-day", "streak:isometric-heel-press", "streak:extender"))
                .body("nextGate.criteria.find { it.id == 'min-day' }.met", equalTo(false))
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("1 of 2"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                when().get("/api/progress/" + athlete.athleteId + "/sessions").then().body("$", hasSize(1)));
    }

    @Test
    void anAthleteWithoutAPlanGetsAConflict() {
        AthleteJourney athlete = new AthleteJourney(3);
        post(athlete.at("extender", 2).json()).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/no-active-plan"));
        when().get("/api/progress/" + athlete.athleteId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSessionsAreRefusedNamingTheField() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        post(athlete.at("extender", 2).pain(11, 0).json()).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("painDuring"));
        post(athlete.at("extender", 2).sets(0).json()).statusCode(400).body("errors.field", hasItem("sets"));
        post(athlete.at("moonwalk", 2).json()).statusCode(400).body("errors.field", contains("exercise"));
        post(athlete.at("extender", 0).json()).statusCode(400).body("errors.field", contains("performedAt"));
        post(athlete.at("extender", 2).performedAt(Instant.now().plus(1, ChronoUnit.HOURS).toString()).json())
                .statusCode(400).body("errors.field", contains("performedAt"));
        post(athlete.at("sprint-build-ups", 2).intensity(120).json()).statusCode(400)
                .body("errors.field", hasItem("intensityPercent"));
        post(athlete.at("sprint-build-ups", 2).json()).statusCode(400)
                .body("errors.field", contains("intensityPercent"));
        post("{\"eventId\": \"not-a-uuid\"}").statusCode(400).contentType("application/problem+json");
        post("not json at all").statusCode(400).contentType("application/problem+json");
        when().get("/api/progress/" + athlete.athleteId + "/sessions").then().statusCode(200).body("$", hasSize(0));
    }
}
