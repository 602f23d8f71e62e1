package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The framework as data: phases, windows, earliest days, gates and every parameter, readable without a token. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class ProtocolApiTest {

    @Test
    void theHamstringProtocolIsListed() {
        when().get("/api/protocols").then().statusCode(200)
                .body("id", contains("hamstring-return-to-run"))
                .body("[0].version", equalTo(2));
    }

    @Test
    void itsFourPhasesHaveWindowsEarliestDaysAndExercises() {
        when().get("/api/protocols/hamstring-return-to-run").then().statusCode(200)
                .body("version", equalTo(2))
                .body("phases.number", contains(1, 2, 3, 4))
                .body("phases.name", contains("Early Loading", "Eccentric Foundation", "Load & Architecture",
                        "Return to Performance"))
                .body("phases.window", contains("Days 1-7", "Days 7-21", "Weeks 3-5", "Weeks 5-8"))
                .body("phases.earliestDay", contains(1, 7, 15, 29))
                .body("phases.nominalEndDay", contains(7, 21, 35, 56))
                .body("phases[0].exercises", contains("isometric-heel-press", "extender"))
                .body("phases[1].exercises", contains("glider", "single-leg-rdl", "nordic-assisted"))
                .body("phases[2].exercises", contains("diver", "nordic-full", "walkouts"))
                .body("phases[3].exercises", contains("a-skips", "sprint-build-ups"))
                .body("phases[0].goal", containsString("3/10"));
    }

    @Test
    void eachGateCarriesItsCriteria() {
        when().get("/api/protocols/hamstring-return-to-run").then().statusCode(200)
                .body("phases[0].gate", nullValue())
                .body("phases[1].gate.fromPhase", equalTo(1))
                .body("phases[1].gate.earliestDay", equalTo(7))
                .body("phases[1].gate.streaks.exercise", contains("isometric-heel-press", "extender"))
                .body("phases[1].gate.streaks.sessions", contains(2, 2))
                .body("phases[1].gate.easyRun", nullValue())
                .body("phases[2].gate.earliestDay", equalTo(15))
                .body("phases[2].gate.streaks.exercise", contains("glider", "single-leg-rdl", "nordic-assisted"))
                .body("phases[2].gate.streaks.sessions", contains(3, 3, 3))
                .body("phases[2].gate.streaks.fullRange", contains(true, true, false))
                .body("phases[2].gate.easyRun.withinDays", equalTo(7))
                .body("phases[2].gate.easyRun.count", equalTo(1))
                .body("phases[3].gate.toPhase", equalTo(4))
                .body("phases[3].gate.earliestDay", equalTo(29))
                .body("phases[3].gate.streaks.exercise", contains("diver", "nordic-full", "walkouts"))
                .body("phases[3].gate.streaks.fullRange", contains(true, false, false));
    }

    @Test
    void theProtocolWideParametersAreData() {
        when().get("/api/protocols/hamstring-return-to-run").then().statusCode(200)
                .body("painFreeMax", equalTo(0))
                .body("painCeiling", equalTo(3))
                .body("sprintLadder.exercise", equalTo("sprint-build-ups"))
                .body("sprintLadder.levels", contains(60, 80, 90, 100))
                .body("sprintLadder.sessionsPerLevel", equalTo(2))
                .body("sprintLadder.minEfforts", equalTo(6))
                .body("clearance.minIntensity", equalTo(90))
                .body("clearance.sprintSessions", equalTo(2))
                .body("clearance.drillExercise", equalTo("a-skips"))
                .body("clearance.drillSessions", equalTo(2))
                .body("regression.fromPhase", equalTo(4))
                .body("regression.toPhase", equalTo(3))
                .body("regression.exercises", contains("a-skips", "sprint-build-ups"))
                .body("expectedReturn.meanDays.SPRINTING", equalTo(23))
                .body("expectedReturn.meanDays.STRETCHING", equalTo(43))
                .body("expectedReturn.citation", equalTo("askling-2013"));
    }

    @Test
    void theNewestVersionCarriesTheTimeRules() {
        when().get("/api/protocols/hamstring-return-to-run").then().statusCode(200)
                .body("version", equalTo(2))
                .body("timeRules.sprintMinDaysBetween", equalTo(2))
                .body("timeRules.sprintMinHoursBetween", equalTo(36))
                .body("timeRules.levelTolerance", equalTo(5))
                .body("timeRules.clearanceMinDays", equalTo(14))
                .body("timeRules.maxLateHours", equalTo(72));
    }

    @Test
    void versionOneIsUnchangedAndPredatesTheTimeRules() {
        given().queryParam("version", 1).when().get("/api/protocols/hamstring-return-to-run")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("timeRules", nullValue())
                .body("phases.earliestDay", contains(1, 7, 15, 29))
                .body("painCeiling", equalTo(3))
                .body("sprintLadder.levels", contains(60, 80, 90, 100))
                .body("clearance.minIntensity", equalTo(90));
    }

    @Test
    void aVersionCanBeAskedForAndAnUnknownOneIsNotFound() {
        given().queryParam("version", 1).when().get("/api/protocols/hamstring-return-to-run")
                .then().statusCode(200).body("version", equalTo(1));
        given().queryParam("version", 2).when().get("/api/protocols/hamstring-return-to-run")
                .then().statusCode(200).body("version", equalTo(2));
        given().queryParam("version", 99).when().get("/api/protocols/hamstring-return-to-run")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("99"));
    }

    @Test
    void anUnknownProtocolIsAProblem() {
        when().get("/api/protocols/knee-return-to-run").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("knee-return-to-run"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        when().get("/q/health/live").then().statusCode(200);
        when().get("/q/metrics").then().statusCode(200).body(not(equalTo("")));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/plans/{planId}/calendar.ics"))
                .body("paths", hasKey("/api/calendars/{token}.ics"));
    }
}
