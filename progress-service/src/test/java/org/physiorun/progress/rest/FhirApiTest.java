package org.physiorun.progress.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;
import org.physiorun.infra.testing.R4Validation;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An athlete's progress as FHIR R4 for clinic systems: a pain Observation per session and an Observation per
 * progression decision, valid against the base specification. Who may read it is AccessTest's, as for the other
 * per-athlete endpoints; this test checks the content.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class FhirApiTest {

    private static final String LOINC_PAIN = "72514-3";

    @Test
    void theProgressIsAValidBundleOfPainObservationsAndDecisions() {
        AthleteJourney athlete = new AthleteJourney(10).withPlan();
        // Phase 1 done pain-free on days 6 and 7 opens phase 2; the Glider of day 8 hurts above the ceiling.
        List<Journeys.Session> sessions = List.of(athlete.at("isometric-heel-press", 5).pain(1, 0),
                athlete.at("isometric-heel-press", 6), athlete.at("extender", 6),
                athlete.at("isometric-heel-press", 7), athlete.at("extender", 7), athlete.at("glider", 8).pain(2, 5));
        sessions.forEach(athlete::log);
        athlete.events(2);

        String json = athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/fhir").then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        Bundle bundle = R4Validation.parse(Bundle.class, json);
        R4Validation.assertValid(bundle);

        List<Observation> observations = bundle.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        List<Observation> pain = observations.stream()
                .filter(o -> LOINC_PAIN.equals(o.getCode().getCodingFirstRep().getCode())).toList();
        assertThat(pain.size(), equalTo(sessions.size()));
        assertThat(pain.stream().map(o -> o.getValueIntegerType().getValue()).toList(), contains(1, 0, 0, 0, 0, 5));
        Observation glider = pain.get(5);
        assertThat(glider.getCode().getCodingFirstRep().getSystem(), equalTo("http://loinc.org"));
        assertThat(glider.getSubject().getIdentifier().getSystem(), equalTo("urn:physiorun:athlete"));
        assertThat(glider.getSubject().getIdentifier().getValue(), equalTo(athlete.athleteId));
        assertThat(components(glider, "pain-during"), contains(2));
        assertThat(components(glider, "pain-after"), contains(5));

        List<Observation> decisions = observations.subList(pain.size(), observations.size());
        assertThat(decisions.stream().map(o -> o.getCode().getCodingFirstRep().getCode()).toList(), contains(
                "physiorun.progression.phase-advanced", "physiorun.progression.pain-ceiling-exceeded"));
        assertThat(components(decisions.get(0), "to-phase"), contains(2));
        assertThat(decisions.get(1).getValueStringType().getValue(), equalTo("Pain 5/10 in glider, above the ceiling"));
        // the alert points at the session that caused it
        String gliderUrl = bundle.getEntry().get(5).getFullUrl();
        assertThat(decisions.get(1).getDerivedFrom().stream().map(r -> r.getReference()).toList(), hasItem(gliderUrl));
    }

    @Test
    void anAthleteWithoutAPlanIsA404Problem() {
        given().auth().oauth2(TestTokens.runner("athlete-without-plan", Journeys.CLINIC))
                .get("/api/progress/athlete-without-plan/fhir").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static List<Integer> components(Observation observation, String code) {
        return observation.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(coding -> code.equals(coding.getCode())))
                .map(ObservationComponentComponent::getValue).map(v -> ((IntegerType) v).getValue()).toList();
    }
}
