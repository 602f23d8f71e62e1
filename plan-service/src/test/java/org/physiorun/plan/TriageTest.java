package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiorun.infra.testing.RealServers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.physiorun.plan.Identities.asPhysio;

/** Who gets a plan and who is sent to a clinician first; a refusal stores nothing. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class TriageTest {

    @Test
    void aConfirmedGradeTwoMuscleStrainGetsAPlan() {
        Intake intake = Intake.accepted();
        ExtractableResponse<Response> created = intake.post()
                .statusCode(201).contentType(ContentType.JSON)
                .body("athleteId", equalTo(intake.athleteId()))
                .body("status", equalTo("ACTIVE"))
                .body("currentPhase", equalTo(1))
                .extract();
        String planId = created.path("planId");
        assertThat(created.header("Location"), endsWith("/api/plans/" + planId));
        asPhysio().when().get(created.header("Location")).then().statusCode(200).body("planId", equalTo(planId));
    }

    @Test
    void gradeOneIsAcceptedToo() {
        Intake.accepted().with("grade", 1).post().statusCode(201).body("grade", equalTo(1));
    }

    @Test
    void aGradeThreeStrainIsReferred() {
        Intake intake = Intake.accepted().with("grade", 3);
        intake.post().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/referral-required"))
                .body("status", equalTo(422))
                .body("rules.id", contains("grade-3-strain"))
                .body("rules[0].reason", containsString("grade 3"))
                .body("rules[0].advice", containsString("assess"));
        assertNothingStored(intake);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROXIMAL_TENDON", "SCIATIC_NERVE", "LUMBAR_REFERRED", "UNSURE"})
    void painThatMayNotComeFromTheMuscleIsReferred(String source) {
        Intake intake = Intake.accepted().with("suspectedSource", source);
        intake.post().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/referral-required"))
                .body("rules.id", contains("source-not-muscle"))
                .body("rules[0].reason", not(blankOrNullString()))
                .body("rules[0].advice", containsString("assessment"));
        assertNothingStored(intake);
    }

    @Test
    void theSourceIsNamedInTheReason() {
        Intake.accepted().with("suspectedSource", "SCIATIC_NERVE").post().statusCode(422)
                .body("rules[0].reason", containsString("sciatic nerve"));
        Intake.accepted().with("suspectedSource", "LUMBAR_REFERRED").post().statusCode(422)
                .body("rules[0].reason", containsString("lower back"));
    }

    @Test
    void anUnconfirmedDiagnosisIsReferred() {
        Intake intake = Intake.accepted().with("clinicianConfirmed", false);
        intake.post().statusCode(422).contentType("application/problem+json")
                .body("rules.id", contains("not-clinician-confirmed"))
                .body("rules[0].advice", containsString("confirmed"));
        assertNothingStored(intake);
    }

    @Test
    void everyRefusingRuleIsListedAtOnce() {
        Intake intake = Intake.accepted().with("grade", 3).with("suspectedSource", "UNSURE")
                .with("clinicianConfirmed", false);
        intake.post().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Referral required"))
                .body("detail", not(blankOrNullString()))
                .body("rules.id", contains("grade-3-strain", "source-not-muscle", "not-clinician-confirmed"))
                .body("rules.advice", everyItem(not(blankOrNullString())));
        assertNothingStored(intake);
    }

    @Test
    void aRefusalLeavesTheAthletesCurrentPlanAlone() {
        Intake first = Intake.accepted();
        String planId = first.open();
        Intake.accepted().with("athleteId", first.athleteId()).with("grade", 3).post().statusCode(422);
        asPhysio().queryParam("athleteId", first.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("planId", contains(planId)).body("status", contains("ACTIVE"));
    }

    private static void assertNothingStored(Intake intake) {
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
    }
}
