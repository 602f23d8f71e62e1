package org.physiorun.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.physiorun.plan.Identities.as;

/**
 * The contract's access table for plan-service, walked endpoint by endpoint and role by role with tokens the
 * service verifies for real: a runner has their own plans, a clinic's staff and system have their clinic's, a
 * clinic's system only reads, and an answer that refuses shows nothing of the plan or the athlete.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class PlanAccessTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource database;

    /** An athlete of the north clinic with a plan a north physiotherapist made, and another athlete of north. */
    private record Fixture(String athleteId, String planId, String calendarUrl, String otherAthleteId) {

        static Fixture make() {
            String athleteId = "athlete-" + UUID.randomUUID();
            String otherAthleteId = "athlete-" + UUID.randomUUID();
            ExtractableResponse<Response> plan = Intake.accepted().with("athleteId", athleteId)
                    .post(as(TestTokens.physio(NORTH))).statusCode(201).extract();
            Intake.accepted().with("athleteId", otherAthleteId).post(as(TestTokens.physio(NORTH))).statusCode(201);
            return new Fixture(athleteId, plan.path("planId"), plan.path("calendarUrl"), otherAthleteId);
        }

        String token() {
            return calendarUrl.substring(calendarUrl.lastIndexOf('/') + 1, calendarUrl.length() - ".ics".length());
        }
    }

    /** Each kind of caller, and what the table gives them of the fixture's plan. */
    enum Who {
        THE_ATHLETE(200, 200, 200, true),
        ANOTHER_RUNNER_OF_THE_CLINIC(403, 403, 403, false),
        A_PHYSIO_OF_THE_CLINIC(200, 200, 200, true),
        A_PHYSIO_OF_ANOTHER_CLINIC(403, 403, 200, false),
        A_CLINIC_ADMIN_OF_THE_CLINIC(200, 200, 200, true),
        A_CLINIC_ADMIN_OF_ANOTHER_CLINIC(403, 403, 200, false),
        THE_CLINICS_SYSTEM(200, 403, 200, true),
        ANOTHER_CLINICS_SYSTEM(403, 403, 200, false);

        final int reads;
        final int changes;
        final int lists;
        final boolean seesThePlanInTheList;

        Who(int reads, int changes, int lists, boolean seesThePlanInTheList) {
            this.reads = reads;
            this.changes = changes;
            this.lists = lists;
            this.seesThePlanInTheList = seesThePlanInTheList;
        }

        String token(Fixture fixture) {
            return switch (this) {
                case THE_ATHLETE -> TestTokens.runner(fixture.athleteId(), NORTH);
                case ANOTHER_RUNNER_OF_THE_CLINIC -> TestTokens.runner(fixture.otherAthleteId(), NORTH);
                case A_PHYSIO_OF_THE_CLINIC -> TestTokens.physio(NORTH);
                case A_PHYSIO_OF_ANOTHER_CLINIC -> TestTokens.physio(SOUTH);
                case A_CLINIC_ADMIN_OF_THE_CLINIC -> TestTokens.clinicAdmin(NORTH);
                case A_CLINIC_ADMIN_OF_ANOTHER_CLINIC -> TestTokens.clinicAdmin(SOUTH);
                case THE_CLINICS_SYSTEM -> TestTokens.clinicSystem(NORTH);
                case ANOTHER_CLINICS_SYSTEM -> TestTokens.clinicSystem(SOUTH);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void readingOnePlanItsScheduleAndItsCalendar(Who who) {
        Fixture plan = Fixture.make();
        String token = who.token(plan);

        answer(as(token).when().get("/api/plans/" + plan.planId()).then(), who.reads, plan)
                .ifPresent(ok -> ok.body("planId", equalTo(plan.planId())).body("athleteId", equalTo(plan.athleteId()))
                        .body("clinicId", equalTo(NORTH)));
        answer(as(token).when().get("/api/plans/" + plan.planId() + "/schedule").then(), who.reads, plan)
                .ifPresent(ok -> ok.body("planId", equalTo(plan.planId())).body("days.size()", equalTo(7)));
        answer(as(token).when().get("/api/plans/" + plan.planId() + "/calendar.ics").then(), who.reads, plan)
                .ifPresent(ok -> ok.contentType(containsString("text/calendar"))
                        .body(containsString("UID:" + plan.planId())));
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void listingAnAthletesPlans(Who who) {
        Fixture plan = Fixture.make();
        ValidatableResponse list = as(who.token(plan)).queryParam("athleteId", plan.athleteId())
                .when().get("/api/plans").then();
        answer(list, who.lists, plan).ifPresent(ok -> {
            if (who.seesThePlanInTheList) {
                ok.body("planId", contains(plan.planId())).body("athleteId", everyItem(equalTo(plan.athleteId())));
            } else {
                // Another clinic's staff learn nothing, not even that the athlete has a plan somewhere.
                ok.body("$", empty());
                assertNothingOf(plan, list);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void changingTheSettings(Who who) {
        Fixture plan = Fixture.make();
        ValidatableResponse patch = as(who.token(plan)).contentType(ContentType.JSON)
                .body(Map.of("reminderTime", "19:15")).when().patch("/api/plans/" + plan.planId()).then();
        answer(patch, who.changes, plan).ifPresent(ok -> ok.body("reminderTime", equalTo("19:15")));
        as(TestTokens.physio(NORTH)).when().get("/api/plans/" + plan.planId()).then().statusCode(200)
                .body("reminderTime", equalTo(who.changes == 200 ? "19:15" : "08:00"));
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void renewingTheCalendarLink(Who who) {
        Fixture plan = Fixture.make();
        ValidatableResponse renew = as(who.token(plan)).when()
                .post("/api/plans/" + plan.planId() + "/calendar-url").then();
        answer(renew, who.changes, plan).ifPresent(ok -> ok.body("calendarUrl", not(equalTo(plan.calendarUrl()))));
        // The old link works exactly when nobody was allowed to renew it.
        given().when().get(plan.calendarUrl()).then().statusCode(who.changes == 200 ? 404 : 200);
    }

    @Test
    void withoutATokenEveryPlanEndpointIsA401AndShowsNothing() {
        Fixture plan = Fixture.make();
        String plans = "/api/plans/" + plan.planId();
        assertUnauthenticated(plan, given().queryParam("athleteId", plan.athleteId()).when().get("/api/plans").then());
        assertUnauthenticated(plan, given().when().get(plans).then());
        assertUnauthenticated(plan, given().when().get(plans + "/schedule").then());
        assertUnauthenticated(plan, given().when().get(plans + "/calendar.ics").then());
        assertUnauthenticated(plan, given().contentType(ContentType.JSON).body(Map.of("reminderTime", "19:15"))
                .when().patch(plans).then());
        assertUnauthenticated(plan, given().when().post(plans + "/calendar-url").then());
        assertUnauthenticated(plan, Intake.accepted().with("athleteId", plan.athleteId()).post(given()));
        // Nothing changed: the same plan, still active, with its settings and link.
        as(TestTokens.runner(plan.athleteId(), NORTH)).queryParam("athleteId", plan.athleteId())
                .when().get("/api/plans").then().statusCode(200)
                .body("planId", contains(plan.planId()))
                .body("status", contains("ACTIVE"))
                .body("reminderTime", contains("08:00"))
                .body("calendarUrl", contains(plan.calendarUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensThatDoNotCheckOut")
    void aTokenThatDoesNotCheckOutIsA401(String what, String token) {
        Fixture plan = Fixture.make();
        assertUnauthenticated(plan, as(token).when().get("/api/plans/" + plan.planId()).then());
        assertUnauthenticated(plan, as(token).contentType(ContentType.JSON).body(Map.of("reminderTime", "19:15"))
                .when().patch("/api/plans/" + plan.planId()).then());
        Intake stranger = Intake.accepted();
        assertUnauthenticated(plan, stranger.post(as(token)));
        as(TestTokens.physio(NORTH)).queryParam("athleteId", stranger.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
    }

    static Stream<Arguments> tokensThatDoNotCheckOut() {
        return Stream.of(
                Arguments.of("expired", TestTokens.token("physio").clinic(NORTH)
                        .expiresAt(Instant.now().minusSeconds(600)).sign()),
                Arguments.of("another issuer", TestTokens.token("physio").clinic(NORTH)
                        .issuer("https://someone-else.example/realms/physiorun").sign()),
                Arguments.of("another audience", TestTokens.token("physio").clinic(NORTH).audience("another-api").sign()),
                Arguments.of("a south physio's token moved to north", TestTokens.withClaim(TestTokens.physio(SOUTH), "clinic_id", NORTH)),
                Arguments.of("signed with another key", TestTokens.token("physio").clinic(NORTH).signWithUntrustedKey()),
                Arguments.of("not a token at all", "not-a-token"));
    }

    @Test
    void aRunnerMakesTheirOwnPlanInTheirClinicAndNobodyElses() {
        String athleteId = "athlete-" + UUID.randomUUID();
        String runner = TestTokens.runner(athleteId, NORTH);
        Intake.accepted().with("athleteId", athleteId).post(as(runner)).statusCode(201)
                .body("athleteId", equalTo(athleteId))
                .body("clinicId", equalTo(NORTH));

        Intake someoneElse = Intake.accepted();
        ValidatableResponse refused = someoneElse.post(as(runner)).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("/problems/forbidden"));
        assertThat(refused.extract().asString(), not(containsString(someoneElse.athleteId())));
        as(TestTokens.physio(NORTH)).queryParam("athleteId", someoneElse.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void aClinicsStaffMakePlansForAnyAthleteInTheirClinic() {
        Intake.accepted().post(as(TestTokens.physio(SOUTH))).statusCode(201).body("clinicId", equalTo(SOUTH));
        Intake.accepted().post(as(TestTokens.clinicAdmin(NORTH))).statusCode(201).body("clinicId", equalTo(NORTH));
    }

    @Test
    void aClinicsSystemMakesNoPlans() {
        Intake intake = Intake.accepted();
        intake.post(as(TestTokens.clinicSystem(NORTH))).statusCode(403).contentType(PROBLEM);
        as(TestTokens.clinicSystem(NORTH)).queryParam("athleteId", intake.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void anAthleteInAnotherClinicsProgrammeCannotBeTakenOver() {
        Fixture plan = Fixture.make();
        ValidatableResponse conflict = Intake.accepted().with("athleteId", plan.athleteId())
                .post(as(TestTokens.physio(SOUTH))).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/athlete-in-another-clinic"))
                .body("status", equalTo(409))
                .body("errors.field", contains("athleteId"));
        String body = conflict.extract().asString();
        assertThat(body, not(containsString(plan.planId())));
        assertThat(body, not(containsString(NORTH)));

        // North's plan runs on, untouched, and south has nothing of the athlete.
        as(TestTokens.physio(NORTH)).when().get("/api/plans/" + plan.planId()).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(TestTokens.physio(SOUTH)).queryParam("athleteId", plan.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
        // Nor can the athlete, from another clinic's account, move themselves out of it.
        Intake.accepted().with("athleteId", plan.athleteId()).post(as(TestTokens.runner(plan.athleteId(), SOUTH)))
                .statusCode(409).body("type", equalTo("/problems/athlete-in-another-clinic"));
        // Their own clinic replaces the plan as before.
        Intake.accepted().with("athleteId", plan.athleteId()).post(as(TestTokens.clinicAdmin(NORTH))).statusCode(201);
    }

    @Test
    void aPlanFromBeforeIdentitiesIsTheAthletesAloneAndAnyClinicMayStartAnew() throws Exception {
        Fixture plan = Fixture.make();
        try (Connection connection = database.getConnection();
             PreparedStatement forget = connection.prepareStatement("UPDATE plan SET clinic_id = NULL WHERE id = ?")) {
            forget.setObject(1, UUID.fromString(plan.planId()));
            assertThat(forget.executeUpdate(), equalTo(1));
        }
        as(TestTokens.runner(plan.athleteId(), NORTH)).when().get("/api/plans/" + plan.planId()).then()
                .statusCode(200).body("clinicId", nullValue());
        answer(as(TestTokens.physio(NORTH)).when().get("/api/plans/" + plan.planId()).then(), 403, plan);
        as(TestTokens.physio(NORTH)).queryParam("athleteId", plan.athleteId()).when().get("/api/plans").then()
                .statusCode(200).body("$", empty());

        Intake.accepted().with("athleteId", plan.athleteId()).post(as(TestTokens.physio(SOUTH))).statusCode(201)
                .body("clinicId", equalTo(SOUTH));
    }

    @Test
    void protocolsAreReadWithoutAToken() {
        given().when().get("/api/protocols").then().statusCode(200);
        given().when().get("/api/protocols/hamstring-return-to-run").then().statusCode(200);
    }

    /**
     * Checks the status; for a refusal also that it is a problem showing nothing of the plan, and otherwise
     * gives the answer for further checks.
     */
    private static Optional<ValidatableResponse> answer(ValidatableResponse response, int status, Fixture plan) {
        response.statusCode(status);
        if (status == 200) {
            return Optional.of(response);
        }
        response.contentType(PROBLEM).body("status", equalTo(status)).body("type", equalTo("/problems/forbidden"));
        assertNothingOf(plan, response);
        return Optional.empty();
    }

    private static void assertUnauthenticated(Fixture plan, ValidatableResponse response) {
        response.statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthenticated"));
        assertNothingOf(plan, response);
    }

    private static void assertNothingOf(Fixture plan, ValidatableResponse response) {
        String body = response.extract().asString();
        assertThat(body, not(containsString(plan.athleteId())));
        assertThat(body, not(containsString(plan.planId())));
        assertThat(body, not(containsString(plan.token())));
    }
}
