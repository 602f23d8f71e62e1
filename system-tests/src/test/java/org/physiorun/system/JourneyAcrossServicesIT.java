package org.physiorun.system;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.Stack;
import org.physiorun.infra.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The three real services together on the real servers: a runner's intake, the plan built from the real
 * catalogue, sessions logged, a phase advance decided by progress-service, and plan-service following it; every
 * request with the runner's own access token, checked by each service.
 */
class JourneyAcrossServicesIT {

    private static Stack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = SharedStack.get();
    }


    private static RequestSpecification at(String service, String token) {
        return given().baseUri(stack.url(service)).header("Authorization", token);
    }

    @Test
    void intakePlanSessionsAndAPhaseAdvanceThatThePlanFollows() {
        String athlete = "runner-" + UUID.randomUUID();
        // The runner does it all with their own token, as from the web page or a phone.
        String token = TestTokens.bearer(TestTokens.runner(athlete, "north"));
        // injured 9 days ago: on day 10 the first gate's day has come
        String planId = at("plan-service", token).contentType(ContentType.JSON).body(Intake.body(athlete, 9))
                .when().post("/api/plans")
                .then().statusCode(201)
                .body("currentPhase", equalTo(1))
                .body("clinicId", equalTo("north"))
                // the prescription comes from the real catalogue
                .body("phases[1].exercises.find { it.slug == 'glider' }.dosage.repsMin", equalTo(8))
                .extract().path("planId");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                at("progress-service", token).get("/api/progress/" + athlete).statusCode() == 200);

        for (String session : Intake.phaseOneGateSessions(athlete)) {
            at("progress-service", token).contentType(ContentType.JSON).body(session)
                    .when().post("/api/sessions")
                    .then().statusCode(202);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at("progress-service", token).get("/api/progress/" + athlete).then()
                        .body("phase", equalTo(2))
                        .body("nextGate.toPhase", equalTo(3)));
        at("progress-service", token).get("/api/progress/" + athlete + "/events").then()
                .body("type", hasItem("physiorun.progression.phase-advanced"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                at("plan-service", token).get("/api/plans/" + planId).then()
                        .body("currentPhase", equalTo(2)));
    }
}
