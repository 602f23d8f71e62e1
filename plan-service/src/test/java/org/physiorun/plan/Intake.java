package org.physiorun.plan;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

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

    ValidatableResponse post() {
        return given().contentType(ContentType.JSON).body(fields).when().post("/api/plans").then();
    }

    /** Posts and returns the new plan's id. */
    String open() {
        return post().statusCode(201).extract().path("planId");
    }
}
