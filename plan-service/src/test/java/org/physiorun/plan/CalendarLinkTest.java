package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.physiorun.plan.Identities.as;
import static org.physiorun.plan.Identities.asPhysio;

/**
 * A plan's private calendar link, which calendar apps read without a token: unguessable, renewable (which ends
 * the old one), gone with the plan; and every URL in an answer is the one the caller came through.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class CalendarLinkTest {

    private static final String INJURY = "2026-10-01";
    /** 256 random bits, base64url: 43 characters. */
    private static final String LINK = "http://localhost:\\d+/api/calendars/[A-Za-z0-9_-]{43}\\.ics";

    @Test
    void aPlanGivesAPrivateLinkThatACalendarAppReadsWithoutAToken() {
        Intake intake = Intake.accepted().with("injuryDate", INJURY);
        ExtractableResponse<Response> created = intake.post().statusCode(201)
                .body("calendarUrl", matchesPattern(LINK)).extract();
        String planId = created.path("planId");
        String link = created.path("calendarUrl");
        asPhysio().when().get("/api/plans/" + planId).then().body("calendarUrl", equalTo(link));
        as(TestTokens.runner(intake.athleteId(), Identities.CLINIC)).when().get("/api/plans/" + planId)
                .then().body("calendarUrl", equalTo(link));

        // The same calendar as the plan's own calendar.ics, for whoever holds the link.
        String viaLink = given().queryParam("from", INJURY).queryParam("to", "2026-10-07").when().get(link)
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .header("Content-Disposition", containsString(".ics"))
                .extract().asString();
        String viaPlan = asPhysio().queryParam("from", INJURY).queryParam("to", "2026-10-07")
                .when().get("/api/plans/" + planId + "/calendar.ics").then().statusCode(200).extract().asString();
        assertThat(withoutStamps(viaLink), equalTo(withoutStamps(viaPlan)));
        assertThat(viaLink, containsString("UID:" + planId));
    }

    @Test
    void renewingTheLinkEndsTheOldOne() {
        Intake intake = Intake.accepted();
        ExtractableResponse<Response> created = intake.post().statusCode(201).extract();
        String planId = created.path("planId");
        String old = created.path("calendarUrl");

        String renewed = as(TestTokens.runner(intake.athleteId(), Identities.CLINIC)).when()
                .post("/api/plans/" + planId + "/calendar-url").then().statusCode(200)
                .body("planId", equalTo(planId))
                .body("calendarUrl", matchesPattern(LINK))
                .body("calendarUrl", not(equalTo(old)))
                .extract().path("calendarUrl");
        given().when().get(old).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().when().get(renewed).then().statusCode(200);
        asPhysio().when().get("/api/plans/" + planId).then().body("calendarUrl", equalTo(renewed));
    }

    @Test
    void aClosedPlansLinkStopsWorking() {
        Intake intake = Intake.accepted();
        ExtractableResponse<Response> first = intake.post().statusCode(201).extract();
        String link = first.path("calendarUrl");
        String next = Intake.accepted().with("athleteId", intake.athleteId()).post().statusCode(201)
                .extract().path("calendarUrl");

        given().when().get(link).then().statusCode(404).contentType("application/problem+json");
        given().when().get(next).then().statusCode(200);
        String closed = first.path("planId");
        asPhysio().when().get("/api/plans/" + closed).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("calendarUrl", nullValue());
        asPhysio().when().post("/api/plans/" + closed + "/calendar-url").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownLinkIsNotFound() {
        given().when().get("/api/calendars/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/calendars/not-a-link.ics").then().statusCode(404);
        asPhysio().when().post("/api/plans/6a1c0c8e-0000-4000-8000-000000000000/calendar-url").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void throughTheGatewayTheLocationAndTheLinkAreTheGateways() {
        ExtractableResponse<Response> created = Intake.accepted().post(asPhysio()
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "physio.example.org"))
                .statusCode(201).extract();
        String planId = created.path("planId");
        assertThat(created.header("Location"), equalTo("https://physio.example.org/api/plans/" + planId));
        assertThat(created.path("calendarUrl"), startsWith("https://physio.example.org/api/calendars/"));

        // The local run's gateway, on its own port.
        asPhysio().header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "localhost:8080")
                .when().get("/api/plans/" + planId).then().statusCode(200)
                .body("calendarUrl", startsWith("http://localhost:8080/api/calendars/"));
    }

    /** A calendar without its DTSTAMP lines, which say when it was made. */
    private static String withoutStamps(String ics) {
        return ics.replaceAll("DTSTAMP:[0-9TZ]+\r\n", "");
    }
}
