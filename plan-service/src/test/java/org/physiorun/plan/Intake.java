package org.physiorun.plan;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.physiorun.plan.Identities.asPhysio;

/** An intake body that triage accepts, to be changed one field at a time. */
final class Intake {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Intake() {
    }

    static Intake accepted() {
        Intake intake = new Intake();
        intake.fields.put("athleteId", "athlete-" + UUID.randomUUID());
        intake.fields.put("injuryDate", LocalDate.now().minusDays(3).toString());
        intake.fields.put("side", "LEFT");
        intake.fields.put("grade", 2);
        intake.fields.put("suspectedSource", "MUSCLE");
        intake.fields.put("clinicianConfirmed", true);
        intake.fields.put("mechanism", "SPRINTING");
        intake.fields.put("timeZone", "Europe/London");
        return intake;
    }

    Intake with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    Intake without(String field) {
        fields.remove(field);
        return this;
    }

    String athleteId() {
        return (String) fields.get("athleteId");
    }

    /** Posts as a physiotherapist of the test clinic. */
    ValidatableResponse post() {
        return post(asPhysio());
    }

    /** Posts as the caller {@code request} is set up for. */
    ValidatableResponse post(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(fields).when().post("/api/plans").then();
    }

    /** Posts and returns the new plan's id. */
    String open() {
        return post().statusCode(201).extract().path("planId");
    }
}
