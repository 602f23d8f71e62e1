package org.physiorun.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(StubServices.class)
class GatewayRoutingTest {

    @ParameterizedTest
    @CsvSource({
            "/api/exercises, catalog-service",
            "/api/exercises?phase=2, catalog-service",
            "/api/citations/askling-2013, catalog-service",
            "/api/protocols/hamstring-return-to-run?version=1, plan-service",
            "/api/plans?athleteId=runner-7, plan-service",
            "/api/plans/0f7d9a52/calendar.ics, plan-service",
            "/api/calendars/Zm9vYmFy.ics, plan-service",
            "/api/webhooks/0f7d9a52/deliveries, webhook-service"})
    void eachPrefixGoesToTheServiceThatOwnsItWithPathAndQueryUnchanged(String uri, String service) {
        when().get(uri).then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("uri", equalTo(uri));
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/plans, plan-service",
            "PATCH, /api/plans/0f7d9a52, plan-service",
            "POST, /api/plans/0f7d9a52/calendar-url, plan-service",
            "PUT, /api/exercises/extender, catalog-service",
            "DELETE, /api/exercises/extender?reason=duplicate, catalog-service",
            "POST, /api/webhooks, webhook-service"})
    void aChangeReachesTheServiceThatOwnsItWithItsBodyAsSent(String method, String uri, String service) {
        String body = "{\"athleteId\":\"runner-7\",\"reminderTime\":\"07:30\"}";
        given().contentType("application/json").body(body)
                .when().request(method, uri)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo(method))
                .body("uri", equalTo(uri))
                .body("contentType", equalTo("application/json"))
                .body("body", equalTo(body));
    }

    @Test
    void aServicesLocationAndRetryAfterReachTheCallerAsTheServiceGaveThem() {
        // The service builds the Location from the forwarded headers: the gateway's address, not its own.
        given().contentType("application/json").body("{}").when().post(StubServices.CREATED)
                .then().statusCode(201)
                .header("Location", "http://localhost:" + RestAssured.port + "/api/plans/0f7d9a52");
        // A service's own 503 is its answer, not the gateway's: its wait and its words stay.
        Response busy = given().contentType("application/json").body("{}").when().post(StubServices.BUSY);
        assertEquals(503, busy.statusCode());
        assertEquals("application/problem+json", busy.contentType());
        assertEquals(StubServices.BUSY_RETRY_AFTER, busy.header("Retry-After"));
        assertEquals(StubServices.BUSY_BODY, busy.asString());
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
        JsonPath me = browser().when().get("/auth/me").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("username", equalTo("pat"))
                .body("roles", contains("physio"))
                .body("clinicId", equalTo("north"))
                .body("athleteId", nullValue())
                .extract().jsonPath();
        String relayed = browser().when().get("/api/plans?athleteId=ana").then().statusCode(200)
                .extract().path("authorization");
        assertTrue(relayed.startsWith("Bearer "), relayed);
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(relayed.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("north", claims.getString("clinic_id"));

        // A change from the page: the token from /auth/me, and the browser's word that it is the gateway's own page.
        browser().header(CsrfGuard.HEADER, me.getString("csrfToken"))
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
        String token = browser().when().get("/auth/me").then().statusCode(200).extract().path("csrfToken");
        assertCrossSiteRefusal(browser().contentType("application/json").body("{}").when().post("/api/plans"));
        assertCrossSiteRefusal(browser().header(CsrfGuard.HEADER, token + "x").when().delete("/api/exercises/extender"));
        assertCrossSiteRefusal(browser().header(CsrfGuard.HEADER, token).header("Origin", "https://elsewhere.example")
                .contentType("application/json").body("{}").when().patch("/api/plans/0f7d9a52"));
        assertCrossSiteRefusal(browser().header(CsrfGuard.HEADER, token).header("Sec-Fetch-Site", "same-site")
                .contentType("application/json").body("{}").when().post("/api/plans"));
        // Reading needs no proof: another site's page cannot read the answer.
        browser().when().get("/api/plans?athleteId=ana").then().statusCode(200).body("authorization", startsWith("Bearer "));
    }

    /**
     * A request as a logged-in browser sends it: with cookies, for the gateway looks for a session only on requests
     * that carry some. The test's identity stands in for the session that quarkus-oidc would read from the session
     * cookie, which a test cannot make without Keycloak; a made-up one would count as no session.
     */
    private static RequestSpecification browser() {
        return given().cookie("theme", "dark");
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
    void aServiceThatCannotAnswerIsAProblemTheGatewaySaysWithoutWaitingLonger() {
        // Not timed: the first request after start also looks for Keycloak, which is not here.
        when().get("/api/exercises").then().statusCode(200);
        // progress-service is down: nothing listens on its port.
        Duration refused = timed(() -> assertUnavailable(when().get("/api/progress/runner-7").then(),
                "progress-service"));
        Duration refusedChange = timed(() -> assertUnavailable(given().contentType("application/json").body("{}")
                .when().post("/api/sessions").then(), "progress-service"));
        // catalog-service takes the request and stays silent past the gateway's response timeout (1 s here).
        Duration silent = timed(() -> when().get(StubServices.SILENT).then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("type", equalTo("/problems/service-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("catalog-service")));
        // catalog-service drops the connection without an answer.
        Duration hungUp = timed(() -> when().get(StubServices.HANGS_UP).then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-gateway"))
                .body("status", equalTo(502))
                .body("detail", containsString("catalog-service")));
        System.out.printf("FIGURES gateway, one service down: refused -> 503 in %.3f s (a POST %.3f s), silent -> 504"
                + " in %.3f s (response timeout 1 s), hung up -> 502 in %.3f s%n", seconds(refused),
                seconds(refusedChange), seconds(silent), seconds(hungUp));
        // Generous bounds on a shared machine. A refused connection is not waited on: the quicker of the two
        // answers came before the 2 s connect timeout could have run out. The 502 itself shows that no timeout
        // ran out for the connection that was dropped.
        assertThat(Collections.min(List.of(refused, refusedChange)), lessThan(Duration.ofSeconds(2)));
        assertThat(silent, lessThan(Duration.ofSeconds(5)));
        assertThat(hungUp, lessThan(Duration.ofSeconds(5)));
    }

    /** The gateway's answer for a service it cannot reach: ask again in a moment. */
    static void assertUnavailable(ValidatableResponse response, String service) {
        response.statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString(service));
    }

    static Duration timed(Runnable request) {
        long started = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @Test
    void aPathNoServiceOwnsIsA404Problem() {
        when().get("/api/exercisesx").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/exercisesx"));
        when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAsyncApiDocumentIsServedToAnyoneByTheGatewayItself() throws Exception {
        byte[] document;
        try (var in = getClass().getClassLoader().getResourceAsStream("asyncapi/asyncapi.yaml")) {
            document = in.readAllBytes();
        }
        byte[] served = when().get("/api/asyncapi.yaml").then().statusCode(200)
                .contentType("application/yaml")
                .extract().asByteArray();
        assertEquals(new String(document, StandardCharsets.UTF_8), new String(served, StandardCharsets.UTF_8));
        assertTrue(new String(served, StandardCharsets.UTF_8).startsWith("asyncapi: 3.0.0"));
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

    @Test
    void requestMetricsNameAServicesPathsByPrefixNotByThePlan() {
        when().get("/api/plans/metrics-plan-1").then().statusCode(200);
        when().get("/api/plans/metrics-plan-2/schedule").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/plans/*\""))
                .body(not(containsString("metrics-plan-")));
    }
}
