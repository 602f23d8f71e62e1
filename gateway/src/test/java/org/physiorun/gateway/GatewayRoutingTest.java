package org.physiorun.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
            "/api/plans/0f7d9a52/calendar.ics, plan-service"})
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
