package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.physiorun.plan.Identities.asPhysio;

/** The athlete's own settings: the reminder time given at intake, and PATCH of it and of the time zone. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class PlanSettingsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void withoutAReminderTimeThePlanRemindsAtEight() {
        Intake intake = Intake.accepted();
        String planId = intake.post().statusCode(201).body("reminderTime", equalTo("08:00")).extract().path("planId");
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200).body("reminderTime", equalTo("08:00"));
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("reminderTime", contains("08:00"));
    }

    @Test
    void theReminderTimeGivenAtIntakeIsKept() {
        Intake intake = Intake.accepted().with("reminderTime", "06:45");
        String planId = intake.post().statusCode(201).body("reminderTime", equalTo("06:45")).extract().path("planId");
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200).body("reminderTime", equalTo("06:45"));
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("reminderTime", contains("06:45"));
    }

    @Test
    void changingTheReminderTimeAnswersThePlanAndPublishesPlanUpdated() {
        Intake intake = Intake.accepted();
        String planId = intake.open();

        // The values it already has: a 200 that changes nothing and tells nobody.
        patch(planId, Map.of("timeZone", "Europe/London", "reminderTime", "08:00")).statusCode(200)
                .body("reminderTime", equalTo("08:00"));
        patch(planId, Map.of("reminderTime", "18:30")).statusCode(200).contentType(ContentType.JSON)
                .body("planId", equalTo(planId))
                .body("reminderTime", equalTo("18:30"))
                .body("timeZone", equalTo("Europe/London"));
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200).body("reminderTime", equalTo("18:30"));

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 2);
        assertThat(types(records), contains("plan-created", "plan-updated"));
        JsonPath updated = JsonPath.from(records.get(1).value());
        assertThat(updated.getString("data.reminderTime"), equalTo("18:30"));
        assertThat(updated.getString("data.timeZone"), equalTo("Europe/London"));
    }

    @Test
    void changingTheTimeZoneMovesTheScheduleAndPublishesPlanUpdated() {
        // Kiritimati (UTC+14) and Pago Pago (UTC-11) are never on the same calendar day.
        Intake intake = Intake.accepted().with("timeZone", "Pacific/Pago_Pago");
        String planId = intake.open();

        patch(planId, Map.of("timeZone", "Pacific/Kiritimati")).statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati"))
                .body("reminderTime", equalTo("08:00"));
        LocalDate today = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));
        asPhysio().when().get("/api/plans/" + planId + "/schedule").then().statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati"))
                .body("from", equalTo(today.toString()))
                .body("to", equalTo(today.plusDays(6).toString()));

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 2);
        assertThat(types(records), contains("plan-created", "plan-updated"));
        JsonPath event = JsonPath.from(records.get(1).value());
        assertThat(event.getString("specversion"), equalTo("1.0"));
        assertThat(event.getString("source"), equalTo("/plan-service"));
        assertThat(event.getString("subject"), equalTo(intake.athleteId()));
        assertThat(event.getString("datacontenttype"), equalTo("application/json"));
        assertThat(event.getString("id"), not(nullValue()));
        assertThat(event.getMap("data").keySet(), containsInAnyOrder(
                "planId", "athleteId", "clinicId", "timeZone", "reminderTime", "updatedAt"));
        assertThat(event.getString("data.planId"), equalTo(planId));
        assertThat(event.getString("data.clinicId"), equalTo(Identities.CLINIC));
        assertThat(event.getString("data.athleteId"), equalTo(intake.athleteId()));
        assertThat(event.getString("data.timeZone"), equalTo("Pacific/Kiritimati"));
        assertThat(event.getString("data.reminderTime"), equalTo("08:00"));
        assertThat(event.getString("data.updatedAt"), equalTo(event.getString("time")));
    }

    @Test
    void aRefusedChangeChangesAndPublishesNothing() {
        Intake intake = Intake.accepted();
        String planId = intake.open();

        patch(planId, Map.of("timeZone", "Mars/Olympus_Mons")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("timeZone"));
        for (String malformed : List.of("25:00", "8am", "8:00", "08:60", "08:00:00", "")) {
            patch(planId, Map.of("reminderTime", malformed)).statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("/problems/validation"))
                    .body("errors.field", contains("reminderTime"))
                    .body("errors[0].message", containsString("HH:mm"));
        }
        // One good field does not get through beside a bad one.
        patch(planId, Map.of("timeZone", "Asia/Tokyo", "reminderTime", "25:00")).statusCode(400)
                .body("errors.field", contains("reminderTime"));
        patch(planId, Map.of("timeZone", "Asia/Tokyo", "colour", "red")).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("colour"))
                .body("detail", containsString("reminderTime, timeZone"));
        // found by fuzzing: a field named twice failed inside Jackson (500); it is malformed, whichever was meant
        asPhysio().contentType(ContentType.JSON).body("{\"timeZone\": \"Asia/Tokyo\", \"timeZone\": \"UTC\"}")
                .when().patch("/api/plans/" + planId).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-body"));
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200)
                .body("timeZone", equalTo("Europe/London"))
                .body("reminderTime", equalTo("08:00"));

        // The next good change is the only plan-updated: none of the refusals published one.
        patch(planId, Map.of("timeZone", "Asia/Tokyo")).statusCode(200);
        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 2);
        assertThat(types(records), contains("plan-created", "plan-updated"));
        assertThat(JsonPath.from(records.get(1).value()).getString("data.timeZone"), equalTo("Asia/Tokyo"));
    }

    @Test
    void aChangeMustNameAtLeastOneSetting() {
        String planId = Intake.accepted().open();
        patch(planId, Map.of()).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("settings"))
                .body("detail", containsString("reminderTime, timeZone or both"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("reminderTime", null);
        patch(planId, nulls).statusCode(400).contentType(PROBLEM).body("errors.field", contains("settings"));
        asPhysio().contentType(ContentType.JSON).when().patch("/api/plans/" + planId)
                .then().statusCode(400).contentType(PROBLEM);
        asPhysio().contentType(ContentType.JSON).body("{\"reminderTime\": ").when().patch("/api/plans/" + planId)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownPlanIsNotFound() {
        patch(UUID.randomUUID().toString(), Map.of("reminderTime", "18:30")).statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/not-found"));
        patch("not-a-plan", Map.of("reminderTime", "18:30")).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aClosedPlanIsAConflictAndStaysAsItWas() {
        Intake intake = Intake.accepted();
        String closed = intake.open();
        String active = Intake.accepted().with("athleteId", intake.athleteId()).open();

        patch(closed, Map.of("reminderTime", "18:30", "timeZone", "Asia/Tokyo")).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/conflict"))
                .body("status", equalTo(409))
                .body("errors.field", hasItem("planId"))
                .body("detail", containsString("superseded by plan " + active));
        asPhysio().when().get("/api/plans/" + closed).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("reminderTime", equalTo("08:00"))
                .body("timeZone", equalTo("Europe/London"));
        patch(active, Map.of("reminderTime", "18:30")).statusCode(200).body("reminderTime", equalTo("18:30"));
    }

    private static ValidatableResponse patch(String planId, Map<String, ?> body) {
        return asPhysio().contentType(ContentType.JSON).body(body).when().patch("/api/plans/" + planId).then();
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> JsonPath.from(r.value()).getString("type")).toList();
    }
}
