package org.physiorun.progress.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Logging a session over HTTP: accepted once Kafka holds it, counted once, refused clearly when wrong. The runner
 * logs their own sessions here (and reads them back), with the runner's limit on how late they may be logged.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class SessionIntakeTest {

    /** The runner logging a session of their own. */
    private static ValidatableResponse post(AthleteJourney athlete, String json) {
        return athlete.asRunner().contentType(ContentType.JSON).body(json).when().post("/api/sessions").then();
    }

    @Test
    void aPostedSessionIsAcceptedCountedOnceAndShownInTheCapacityCheck() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        var session = athlete.at("extender", 2);
        post(athlete, session.json()).statusCode(202).body("eventId", equalTo(session.eventId().toString()));
        post(athlete, session.json()).statusCode(202).body("eventId", equalTo(session.eventId().toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then().body("$", hasSize(1)));
        // a repost after it was counted changes nothing either
        post(athlete, session.json()).statusCode(202);
        athlete.asRunner().get("/api/progress/" + athlete.athleteId).then().statusCode(200)
                .body("phase", equalTo(1))
                .body("day", equalTo(3))
                .body("nextGate.toPhase", equalTo(2))
                .body("nextGate.criteria.id", contains("min-day", "streak:isometric-heel-press", "streak:extender"))
                .body("nextGate.criteria.find { it.id == 'min-day' }.met", equalTo(false))
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("1 of 2"));
        // A later session of the athlete goes through the same partition: once it is counted, the repost was read.
        var later = athlete.at("isometric-heel-press", 2);
        post(athlete, later.json()).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("eventId", contains(later.eventId().toString(), session.eventId().toString())));
    }

    @Test
    void anAthleteWithoutAPlanGetsAConflict() {
        AthleteJourney athlete = new AthleteJourney(3);
        post(athlete, athlete.at("extender", 2).json()).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/no-active-plan"));
        athlete.asRunner().get("/api/progress/" + athlete.athleteId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badSessionsAreRefusedNamingTheField() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        post(athlete, athlete.at("extender", 2).pain(11, 0).json()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("painDuring"));
        post(athlete, athlete.at("extender", 2).sets(0).json()).statusCode(400).body("errors.field", hasItem("sets"));
        post(athlete, athlete.at("moonwalk", 2).json()).statusCode(400).body("errors.field", contains("exercise"));
        post(athlete, athlete.at("extender", 0).json()).statusCode(400).body("errors.field", contains("performedAt"));
        post(athlete, athlete.at("extender", 2).performedAt(Instant.now().plus(1, ChronoUnit.HOURS).toString()).json())
                .statusCode(400).body("errors.field", contains("performedAt"));
        post(athlete, athlete.at("sprint-build-ups", 2).intensity(120).json()).statusCode(400)
                .body("errors.field", hasItem("intensityPercent"));
        post(athlete, athlete.at("sprint-build-ups", 2).json()).statusCode(400)
                .body("errors.field", contains("intensityPercent"));
        // "no pain reported" is not "pain-free": painDuring must be given
        post(athlete, athlete.at("extender", 2).jsonWithout("painDuring")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("painDuring"));
        // the drills in which tightness sends a runner back to phase 3 must say whether there was any
        post(athlete, athlete.at("a-skips", 2).jsonWithout("tightness")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("tightness"));
        post(athlete, athlete.at("sprint-build-ups", 2).intensity(60).jsonWithout("tightness")).statusCode(400)
                .body("errors.field", contains("tightness"));
        // a load no runner lifts, and more than the stored column holds (it failed later, on the database)
        String heavy = athlete.at("extender", 2).json();
        post(athlete, heavy.substring(0, heavy.lastIndexOf('}')) + ", \"loadKg\": 100000}").statusCode(400)
                .body("errors.field", contains("loadKg"));
        post(athlete, "{\"eventId\": \"not-a-uuid\"}").statusCode(400).contentType("application/problem+json");
        post(athlete, "not json at all").statusCode(400).contentType("application/problem+json");
        athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void painAboveTheCeilingIsAnsweredAtOnceWithStopAndCallThePhysiotherapist() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        post(athlete, athlete.at("extender", 2).pain(5, 0).json()).statusCode(202)
                .body("status", equalTo("accepted"))
                .body("advice.code", hasItem("pain-above-ceiling"))
                .body("advice.find { it.code == 'pain-above-ceiling' }.message",
                        allOf(containsString("Stop"), containsString("physiotherapist")));
    }

    @Test
    void aSecondExtenderOnTheSameDayIsKeptButCountsTowardNothing() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        var first = athlete.at("extender", 2);
        post(athlete, first.json()).statusCode(202).body("advice", hasSize(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("$", hasSize(1)).body("[0].counted", equalTo(true)));

        var second = athlete.at("extender", 2); // a minute later, the same day
        post(athlete, second.json()).statusCode(202)
                .body("advice.code", contains("beyond-prescribed-frequency"))
                .body("advice[0].message", containsString("once a day"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("$", hasSize(2))
                        .body("[0].eventId", equalTo(second.eventId().toString()))
                        .body("[0].counted", equalTo(false))
                        .body("[0].notCountedBecause", equalTo("beyond-prescribed-frequency"))
                        .body("[0].explanation", containsString("once a day"))
                        .body("[0].enteredBy", equalTo("runner"))
                        .body("[0].loggedAt", notNullValue())
                        .body("[1].eventId", equalTo(first.eventId().toString()))
                        .body("[1].counted", equalTo(true))
                        .body("[1].enteredBy", equalTo("runner")));
        // the extra session moved nothing: one Extender session counts toward the gate
        athlete.asRunner().get("/api/progress/" + athlete.athleteId).then()
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("1 of 2"));
    }

    @Test
    void aRunnersOwnSessionLoggedMoreThan72HoursLateIsKeptButCountsTowardNothing() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        var late = athlete.at("extender", 2)
                .performedAt(Instant.now().minus(80, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        post(athlete, late.json()).statusCode(202)
                .body("advice.code", contains("logged-too-late"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("$", hasSize(1))
                        .body("[0].eventId", equalTo(late.eventId().toString()))
                        .body("[0].counted", equalTo(false))
                        .body("[0].notCountedBecause", equalTo("logged-too-late"))
                        .body("[0].enteredBy", equalTo("runner")));
        athlete.asRunner().get("/api/progress/" + athlete.athleteId).then()
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("0 of 2"));
    }

    @Test
    void aPhysiotherapistsEntryMoreThan72HoursLateIsVouchedForAndCounts() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        var late = athlete.at("extender", 2)
                .performedAt(Instant.now().minus(80, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        athlete.asPhysio().contentType(ContentType.JSON).body(late.json()).when().post("/api/sessions").then()
                .statusCode(202)
                .body("advice", hasSize(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                athlete.asRunner().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("$", hasSize(1))
                        .body("[0].eventId", equalTo(late.eventId().toString()))
                        .body("[0].counted", equalTo(true))
                        .body("[0].enteredBy", equalTo("physio")));
        athlete.asRunner().get("/api/progress/" + athlete.athleteId).then()
                .body("nextGate.criteria.find { it.id == 'streak:extender' }.detail", startsWith("1 of 2"));
    }

    @Test
    void theLocationOfAnAcceptedSessionIsTheGatewaysWhenTheGatewayForwardedThePost() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        athlete.asRunner().contentType(ContentType.JSON).body(athlete.at("extender", 2).json())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "physiorun.example")
                .when().post("/api/sessions").then()
                .statusCode(202)
                .header("Location",
                        equalTo("https://physiorun.example/api/progress/" + athlete.athleteId + "/sessions"));
    }

    @Test
    void inPhaseFourTheRunnerIsToldAtOnceWhatASprintOrDrillSessionMeans() {
        AthleteJourney athlete = new AthleteJourney(45).withPlan(); // today is day 45
        int logged = athlete.reachPhaseFour();
        assertEquals(3, athlete.events(3).size());
        athlete.awaitSessions(logged);

        post(athlete, athlete.at("sprint-build-ups", 43).intensity(100).json()).statusCode(202)
                .body("advice.code", contains("above-prescribed-effort"))
                .body("advice[0].message", containsString("60%"));
        athlete.awaitSessions(logged + 1);
        post(athlete, athlete.at("sprint-build-ups", 44).intensity(60).json()).statusCode(202)
                .body("advice.code", contains("too-soon-after-last-sprint"));
        athlete.awaitSessions(logged + 2);
        post(athlete, athlete.at("a-skips", 44).tight().json()).statusCode(202)
                .body("advice.code", hasItem("phase-4-pain-or-tightness"))
                .body("advice.find { it.code == 'phase-4-pain-or-tightness' }.message", containsString("phase 3"));

        List<JsonNode> events = athlete.events(4);
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced", "phase-regressed"),
                AthleteJourney.types(events));
        athlete.assertNothingMoreThan(events);
    }
}
