package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.R4Validation;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.physiorun.plan.Identities.as;

/**
 * The FHIR R4 views a clinic system reads: the protocol as a PlanDefinition and a plan as a Bundle with its CarePlan
 * and return-to-run Goal, each valid against the base specification, with the plan's access rules.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class FhirApiTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void theProtocolIsAValidPlanDefinitionWithAnActionPerPhaseAndItsGatesAsConditions() {
        String json = when().get("/api/protocols/hamstring-return-to-run/fhir").then().statusCode(200)
                .contentType(FHIR_JSON).extract().asString();
        PlanDefinition protocol = R4Validation.parse(PlanDefinition.class, json);
        R4Validation.assertValid(protocol);

        assertThat(protocol.getUrl(), equalTo("urn:physiorun:protocol:hamstring-return-to-run"));
        assertThat(protocol.getVersion(), equalTo("2"));
        List<PlanDefinitionActionComponent> phases = protocol.getAction();
        assertThat(phases.stream().map(PlanDefinitionActionComponent::getTitle).toList(), contains("Early Loading",
                "Eccentric Foundation", "Load & Architecture", "Return to Performance"));
        assertThat(phases.get(0).getCondition().size(), equalTo(0));
        // each criterion by progress-service's id, as a CQL identifier, and in words
        assertThat(phases.get(1).getCondition().stream().map(c -> c.getExpression().getExpression()).toList(),
                contains("\"min-day\"", "\"streak:isometric-heel-press\"", "\"streak:extender\""));
        assertThat(phases.get(1).getConditionFirstRep().getExpression().getDescription(), containsString("Day 7"));
        assertThat(phases.get(2).getCondition().stream().map(c -> c.getExpression().getExpression()).toList(),
                hasItem("\"easy-run\""));
        assertThat(phases.get(3).getAction().stream().map(a -> a.getDefinitionCanonicalType().getValue()).toList(),
                contains("#a-skips", "#sprint-build-ups"));
        assertThat(protocol.getContained().stream().map(r -> ((ActivityDefinition) r).getCode().getCodingFirstRep()
                .getCode()).toList(), contains("isometric-heel-press", "extender", "glider", "single-leg-rdl",
                "nordic-assisted", "diver", "nordic-full", "walkouts", "a-skips", "sprint-build-ups"));
    }

    @Test
    void anUnknownProtocolIsA404Problem() {
        when().get("/api/protocols/no-such-protocol/fhir").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPlanIsAValidBundleWithItsCarePlanAndReturnToRunGoal() throws Exception {
        String athleteId = "athlete-" + UUID.randomUUID();
        LocalDate injury = LocalDate.now().minusDays(10);
        String planId = Intake.accepted().with("athleteId", athleteId).with("injuryDate", injury.toString())
                .with("mechanism", "STRETCHING").post().statusCode(201).extract().path("planId");
        Progression.move(athleteId, planId, 1, 2);

        String json = as(TestTokens.clinicSystem(Identities.CLINIC)).when().get("/api/plans/" + planId + "/fhir").then()
                .statusCode(200).contentType(FHIR_JSON).extract().asString();
        Bundle bundle = R4Validation.parse(Bundle.class, json);
        R4Validation.assertValid(bundle);

        assertThat(bundle.getType(), equalTo(Bundle.BundleType.COLLECTION));
        List<Resource> entries = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        CarePlan carePlan = (CarePlan) entries.get(0);
        Goal goal = (Goal) entries.get(1);
        assertThat(carePlan.getStatus(), equalTo(CarePlan.CarePlanStatus.ACTIVE));
        assertThat(carePlan.getInstantiatesCanonical().get(0).getValue(),
                equalTo("urn:physiorun:protocol:hamstring-return-to-run|2"));
        assertThat(carePlan.getSubject().getIdentifier().getSystem(), equalTo("urn:physiorun:athlete"));
        assertThat(carePlan.getSubject().getIdentifier().getValue(), equalTo(athleteId));
        assertThat(carePlan.getGoalFirstRep().getReference(), equalTo(bundle.getEntry().get(1).getFullUrl()));
        // Phase 1 is behind the athlete, phase 2 is theirs now, the rest is to come.
        assertThat(carePlan.getActivity().stream().map(a -> a.getDetail().getStatus()).toList(), contains(
                CarePlanActivityStatus.COMPLETED, CarePlanActivityStatus.COMPLETED,
                CarePlanActivityStatus.INPROGRESS, CarePlanActivityStatus.INPROGRESS,
                CarePlanActivityStatus.INPROGRESS, CarePlanActivityStatus.NOTSTARTED,
                CarePlanActivityStatus.NOTSTARTED, CarePlanActivityStatus.NOTSTARTED,
                CarePlanActivityStatus.NOTSTARTED, CarePlanActivityStatus.NOTSTARTED));
        CarePlan.CarePlanActivityDetailComponent glider = carePlan.getActivity().get(2).getDetail();
        assertThat(glider.getCode().getCodingFirstRep().getCode(), equalTo("glider"));
        assertThat(glider.getDescription(), containsString("3 x 8 reps each leg"));
        assertThat(glider.getScheduledTiming().getRepeat().getFrequency(), equalTo(3));
        assertThat(glider.getScheduledTiming().getRepeat().getPeriodUnit().toCode(), equalTo("wk"));

        assertThat(goal.getLifecycleStatus(), equalTo(Goal.GoalLifecycleStatus.ACTIVE));
        assertThat(goal.getDescription().getText(), startsWith("Return to running"));
        assertThat(goal.getSubject().getIdentifier().getValue(), equalTo(athleteId));
        // Askling 2013: 43 days on average for a stretching-type injury.
        assertThat(goal.getTargetFirstRep().getDueDateType().getValueAsString(),
                equalTo(injury.plusDays(43).toString()));
    }

    @Test
    void aPlanIsReadOnlyByItsAthleteAndItsClinic() {
        String athleteId = "athlete-" + UUID.randomUUID();
        String planId = Intake.accepted().with("athleteId", athleteId).post(as(TestTokens.physio("north")))
                .statusCode(201).extract().path("planId");
        String path = "/api/plans/" + planId + "/fhir";

        as(TestTokens.runner(athleteId, "north")).when().get(path).then().statusCode(200).contentType(FHIR_JSON);
        as(TestTokens.physio("north")).when().get(path).then().statusCode(200);
        given().when().get(path).then().statusCode(401).contentType(PROBLEM);
        for (String stranger : List.of(TestTokens.runner("athlete-" + UUID.randomUUID(), "north"),
                TestTokens.physio("south"), TestTokens.clinicSystem("south"))) {
            String refusal = as(stranger).when().get(path).then().statusCode(403).contentType(PROBLEM)
                    .extract().asString();
            assertThat(refusal, not(containsString(athleteId)));
        }
        as(TestTokens.physio("north")).when().get("/api/plans/" + UUID.randomUUID() + "/fhir").then()
                .statusCode(404).contentType(PROBLEM);
    }
}
