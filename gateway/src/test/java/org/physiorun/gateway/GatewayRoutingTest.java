package org.physiorun.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class GatewayRoutingTest {

    @ParameterizedTest
    @CsvSource({
            "/api/exercises, catalog-service",
            "/api/exercises?phase=2, catalog-service",
            "/api/citations/askling-2013, catalog-service",
            "/api/protocols/hamstring-return-to-run?version=1, plan-service",
            "/api/plans?athleteId=runner-7, plan-service",
            "/api/plans/0f7d9a52/calendar.ics, plan-service",
            "/api/calendars/Zm9vYmFy.ics, plan-service"})
    void eachPrefixGoesToTheServiceThatOwnsItWithPathAndQueryUnchanged(String uri, String service) {
        when().get(uri).then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("uri", equalTo(uri));
    }

    @Test
    void aPostedBodyReachesTheServiceAsSent() {
        String intake = "{\"athleteId\":\"runner-7\",\"grade\":2}";
        given().contentType("application/json").body(intake)
                .when().post("/api/plans")
                .then().statusCode(200)
                .body("service", equalTo("plan-service"))
                .body("method", equalTo("POST"))
                .body("contentType", equalTo("application/json"))
                .body("body", equalTo(intake));
    }

    @Test
    void aCallersOwnAuthorizationGoesThroughUnchangedAndIsNotAskedForMore() {
        given().header("Authorization", "Bearer a-token-of-its-own")
                .when().get("/api/exercises")
                .then().statusCode(200).body("authorization", equalTo("Bearer a-token-of-its-own"));
        // A script's change with its own token needs no proof of a page: a browser never adds that header itself.
        given().header("Authorization", "Bearer a-token-of-its-own").contentType("application/json").body("{}")
                .when().delete("/api/exercises/extender")
                .then().statusCode(200)
                .body("method", equalTo("DELETE"))
                .body("authorization", equalTo("Bearer a-token-of-its-own"));
    }

    @Test
    void withoutASessionTheRequestGoesOnWithoutATokenForTheServiceToAnswer() {
        given().contentType("application/json").body("{}")
                .when().post("/api/plans")
                .then().statusCode(200).body("authorization", nullValue());
        // A session cookie the gateway cannot read (forged, or from before a change of key) counts as none.
        given().cookie("q_session", "not-a-session")
                .when().get("/api/plans?athleteId=ana")
                .then().statusCode(200).body("authorization", nullValue());
    }

    @Test
    void theServicesLearnTheGatewaysAddressButNotTheBrowsersCookies() {
        given().header("X-Forwarded-Host", "somewhere.else.example").cookie("q_session", "x").cookie("other", "y")
                .when().get("/api/plans?athleteId=ana")
                .then().statusCode(200)
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", equalTo("localhost"))
                .body("forwardedPort", equalTo(String.valueOf(RestAssured.port)))
                .body("cookie", nullValue());
    }

    @Test
    @TestSecurity(user = "pat", roles = {"physio", "offline_access"})
    @OidcSecurity(claims = {@Claim(key = "clinic_id", value = "north"), @Claim(key = "sid", value = "login-1")})
    void aSessionsRequestsGoWithItsAccessToken() {
        JsonPath me = when().get("/auth/me").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("username", equalTo("pat"))
                .body("roles", contains("physio"))
                .body("clinicId", equalTo("north"))
                .body("athleteId", nullValue())
                .extract().jsonPath();
        String relayed = when().get("/api/plans?athleteId=ana").then().statusCode(200)
                .extract().path("authorization");
        assertTrue(relayed.startsWith("Bearer "), relayed);
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(relayed.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("north", claims.getString("clinic_id"));

        // A change from the page: the token from /auth/me, and the browser's word that it is the gateway's own page.
        given().header(CsrfGuard.HEADER, me.getString("csrfToken"))
                .header("Origin", "http://localhost:" + RestAssured.port).header("Sec-Fetch-Site", "same-origin")
                .contentType("application/json").body("{\"athleteId\":\"ana\"}")
                .when().post("/api/plans")
                .then().statusCode(200)
                .body("authorization", equalTo(relayed))
                .body("body", equalTo("{\"athleteId\":\"ana\"}"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "physio")
    @OidcSecurity(claims = {@Claim(key = "clinic_id", value = "north"), @Claim(key = "sid", value = "login-1")})
    void aChangeOnTheSessionsAuthorityWithoutProofOfThePageIsRefused() {
        String token = when().get("/auth/me").then().statusCode(200).extract().path("csrfToken");
        assertCrossSiteRefusal(given().contentType("application/json").body("{}").when().post("/api/plans"));
        assertCrossSiteRefusal(given().header(CsrfGuard.HEADER, token + "x").when().delete("/api/exercises/extender"));
        assertCrossSiteRefusal(given().header(CsrfGuard.HEADER, token).header("Origin", "https://elsewhere.example")
                .contentType("application/json").body("{}").when().patch("/api/plans/0f7d9a52"));
        assertCrossSiteRefusal(given().header(CsrfGuard.HEADER, token).header("Sec-Fetch-Site", "same-site")
                .contentType("application/json").body("{}").when().post("/api/plans"));
        // Reading needs no proof: another site's page cannot read the answer.
        when().get("/api/plans?athleteId=ana").then().statusCode(200).body("authorization", startsWith("Bearer "));
    }

    private static void assertCrossSiteRefusal(Response response) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/cross-site-request"))
                .body("status", equalTo(403));
    }

    @Test
    void whoIsLoggedInIsA401ProblemWhenNobodyIs() {
        when().get("/auth/me").then().statusCode(401).contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("/problems/not-logged-in"));
    }

    @Test
    void loggingOutWithoutASessionGoesBackToTheStartAndNoOtherSiteCanLogAnyoneOut() {
        given().redirects().follow(false).when().post("/logout")
                .then().statusCode(303).header("Location", "/");
        given().redirects().follow(false).header("Origin", "https://elsewhere.example").when().post("/logout")
                .then().statusCode(403).body("type", equalTo("/problems/cross-site-request"));
    }

    @Test
    void aServicesProblemPassesThroughUntouched() {
        Response response = when().get(StubServices.REFERRAL);
        assertEquals(422, response.statusCode());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(StubServices.REFERRAL_BODY, response.asString());
    }

    @Test
    void aServiceThatIsDownGivesA503ProblemAtOnce() {
        long started = System.nanoTime();
        when().get("/api/progress/runner-7").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("progress-service"));
        given().contentType("application/json").body("{}").when().post("/api/sessions").then().statusCode(503);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0,
                "a refused connection must not be waited on");
    }

    @Test
    void aServiceThatStaysSilentGivesA504ProblemAfterTheTimeout() {
        long started = System.nanoTime();
        when().get(StubServices.SILENT).then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/service-timeout"))
                .body("detail", containsString("catalog-service"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "waited " + waited + " for a 1 s timeout");
    }

    @Test
    void aPathNoServiceOwnsIsA404Problem() {
        when().get("/api/exercisesx").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/exercisesx"));
        when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theFrontendAndItsChartLibraryAreServed() {
        when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("PhysioRun"));
        when().get("/js/app.js").then().statusCode(200);
        when().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200)
                .body(containsString("Chart"));
    }

    @Test
    void healthAndMetricsAreServed() {
        when().get("/q/health/ready").then().statusCode(200);
        when().get("/api/exercises").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
