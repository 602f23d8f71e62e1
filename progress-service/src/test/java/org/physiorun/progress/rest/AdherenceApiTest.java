package org.physiorun.progress.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.service.AdherenceService;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Adherence on the real servers: a runner on day 10 who did the Extender every day of the last week but never the
 * Isometric Hold (twice a day) did 7 of 21 prescribed sessions.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class AdherenceApiTest {

    @Inject
    AdherenceService adherence;

    private static AthleteJourney extenderEveryDayOfTheLastWeek() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        athlete.log("extender", 3, 4, 5, 6, 7, 8, 9);
        athlete.awaitSessions(7);
        return athlete;
    }

    @Test
    void theAdherenceOfTheLastWeeksAndOfTheLastSevenDays() {
        AthleteJourney athlete = extenderEveryDayOfTheLastWeek();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        athlete.asPhysio().queryParam("weeks", 2).get("/api/progress/" + athlete.athleteId + "/adherence").then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("weeks", hasSize(2))
                .body("weeks[1].weekStart", equalTo(monday.toString()))
                .body("weeks[1].weekEnd", equalTo(monday.plusDays(6).toString()))
                .body("weeks[0].weekStart", equalTo(monday.minusWeeks(1).toString()))
                .body("last7Days.prescribed", equalTo(21))
                .body("last7Days.done", equalTo(7))
                .body("last7Days.percent", equalTo(33))
                .body("last7Days.missed", contains("isometric-heel-press"));
        // The weeks together, from the injury date at the earliest: three sessions a day prescribed in phase 1.
        JsonNode overall = athlete.asPhysio().queryParam("weeks", 2)
                .get("/api/progress/" + athlete.athleteId + "/adherence")
                .then().extract().as(JsonNode.class).get("overall");
        LocalDate first = athlete.injuryDate.isAfter(monday.minusWeeks(1)) ? athlete.injuryDate : monday.minusWeeks(1);
        assertEquals(3 * (ChronoUnit.DAYS.between(first, today) + 1), overall.get("prescribed").asLong(), overall.toString());
        assertEquals(7, overall.get("done").asInt(), overall.toString());
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/adherence").then().statusCode(200)
                .body("weeks", hasSize(4));
    }

    @Test
    void thePhysiotherapistsListShowsTheLastSevenDaysAndMarksThoseBelowHalf() {
        AthleteJourney athlete = extenderEveryDayOfTheLastWeek();
        athlete.asPhysio().get("/api/progress").then().statusCode(200)
                .body("find { it.athleteId == '" + athlete.athleteId + "' }.adherence7d.percent", equalTo(33))
                .body("find { it.athleteId == '" + athlete.athleteId + "' }.adherenceLow", equalTo(true));
    }

    @Test
    void lowAdherenceIsPublishedOnceAWeek() {
        AthleteJourney athlete = extenderEveryDayOfTheLastWeek();
        adherence.watchAll(Instant.now());
        adherence.watchAll(Instant.now()); // the same day: the athlete's next look is tomorrow

        List<JsonNode> events = athlete.events(1);
        JsonNode low = events.get(0);
        assertEquals("physiorun.progression.adherence-low", low.get("type").asText());
        assertEquals(33, low.at("/data/percent").asInt());
        assertEquals("[\"isometric-heel-press\"]", low.at("/data/missed").toString());
        assertEquals(athlete.planId.toString(), low.at("/data/planId").asText());
        assertEquals("[\"adherence-7-days\"]", low.at("/data/criteria").toString());
        assertEquals(athlete.clinicId, low.at("/data/clinicId").asText(), "the event names the plan's clinic");
        athlete.assertNothingMoreThan(events);
    }

    @Test
    void aWeekCountOutsideOneToFiftyTwoOrAnAthleteWithoutAPlanIsAProblem() {
        AthleteJourney athlete = new AthleteJourney(3).withPlan();
        for (String weeks : List.of("0", "53", "four")) {
            athlete.asPhysio().queryParam("weeks", weeks).get("/api/progress/" + athlete.athleteId + "/adherence")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        // a runner who has no plan (yet) asks for their own
        String nobody = "nobody-" + athlete.planId;
        given().auth().oauth2(TestTokens.runner(nobody, Journeys.CLINIC)).get("/api/progress/" + nobody + "/adherence")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRunnerWithoutAWholeWeekBehindThemIsNotJudged() {
        AthleteJourney athlete = new AthleteJourney(5).withPlan();
        adherence.watchAll(Instant.now());
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/events").then().statusCode(200)
                .body("$", hasSize(0));
    }
}
