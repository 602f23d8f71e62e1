package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** plan-events as progress-service reads them: CloudEvents keyed by athlete, with every parameter of the plan. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class PlanEventsTest {

    @Test
    void planCreatedCarriesThePlanItsPrescriptionsAndGates() {
        Intake intake = Intake.accepted().with("injuryDate", "2026-11-20").with("timeZone", "Europe/London");
        String planId = intake.open();

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 1);
        assertThat(records, hasSize(1));
        JsonPath event = JsonPath.from(records.get(0).value());
        assertThat(event.getString("specversion"), equalTo("1.0"));
        assertThat(event.getString("type"), equalTo("plan-created"));
        assertThat(event.getString("source"), equalTo("/plan-service"));
        assertThat(event.getString("subject"), equalTo(intake.athleteId()));
        assertThat(event.getString("datacontenttype"), equalTo("application/json"));
        assertThat(event.getString("id"), not(nullValue()));
        assertThat(event.getString("time"), not(nullValue()));

        JsonPath data = JsonPath.from(records.get(0).value()).setRootPath("data");
        assertThat(data.getString("planId"), equalTo(planId));
        assertThat(data.getString("athleteId"), equalTo(intake.athleteId()));
        // progress-service keeps the clinic with its copy of the plan: it decides who sees the athlete's progress
        assertThat(data.getString("clinicId"), equalTo(Identities.CLINIC));
        assertThat(data.getString("protocolId"), equalTo("hamstring-return-to-run"));
        assertThat(data.getInt("protocolVersion"), equalTo(2));
        assertThat(data.getString("injuryDate"), equalTo("2026-11-20"));
        assertThat(data.getString("timeZone"), equalTo("Europe/London"));
        assertThat(data.getString("side"), equalTo("LEFT"));
        assertThat(data.getString("mechanism"), equalTo("SPRINTING"));
        assertThat(data.getString("createdAt"), not(nullValue()));
        assertThat(data.getInt("painFreeMax"), equalTo(0));
        assertThat(data.getInt("painCeiling"), equalTo(3));

        assertThat(data.getList("prescriptions.exercise"), contains("isometric-heel-press", "extender", "glider",
                "single-leg-rdl", "nordic-assisted", "diver", "nordic-full", "walkouts", "a-skips", "sprint-build-ups"));
        assertThat(data.getList("prescriptions.phase"), contains(1, 1, 2, 2, 2, 3, 3, 3, 4, 4));
        Map<String, Object> glider = data.getMap("prescriptions[2]");
        assertThat(glider.keySet(), containsInAnyOrder("exercise", "name", "phase", "sets", "repsMin",
                "holdSecondsMin", "distanceMetresMin", "minEfforts", "frequency"));
        assertThat(glider.get("name"), equalTo("Glider"));
        assertThat(glider.get("sets"), equalTo(3));
        assertThat(glider.get("repsMin"), equalTo(8));
        assertThat(glider.get("holdSecondsMin"), nullValue());
        assertThat(data.getMap("prescriptions[0]").get("holdSecondsMin"), equalTo(30));
        assertThat(data.getMap("prescriptions[8]").get("distanceMetresMin"), equalTo(20));
        assertThat(data.getMap("prescriptions[9]").get("minEfforts"), equalTo(6));
        assertThat(data.getMap("prescriptions[9]").get("repsMin"), equalTo(6));
        assertThat(data.getList("prescriptions.minEfforts"), contains(null, null, null, null, null, null, null, null,
                null, 6));

        assertThat(data.getList("gates.fromPhase"), contains(1, 2, 3));
        assertThat(data.getList("gates.toPhase"), contains(2, 3, 4));
        assertThat(data.getList("gates.earliestDay"), contains(7, 15, 29));
        assertThat(data.getList("gates[0].streaks.exercise"), contains("isometric-heel-press", "extender"));
        assertThat(data.getList("gates[0].streaks.sessions"), contains(2, 2));
        assertThat(data.getList("gates[0].streaks.fullRange"), contains(false, false));
        assertThat(data.get("gates[0].easyRun"), nullValue());
        assertThat(data.getList("gates[1].streaks.fullRange"), contains(true, true, false));
        assertThat(data.getMap("gates[1].easyRun"), equalTo(Map.of("withinDays", 7, "count", 1)));
        assertThat(data.getList("gates[2].streaks.exercise"), contains("diver", "nordic-full", "walkouts"));

        assertThat(data.getMap("sprintLadder"), equalTo(Map.of("exercise", "sprint-build-ups",
                "levels", List.of(60, 80, 90, 100), "sessionsPerLevel", 2)));
        assertThat(data.getMap("clearance"), equalTo(Map.of("minIntensity", 90, "sprintSessions", 2,
                "drillExercise", "a-skips", "drillSessions", 2)));
        assertThat(data.getMap("regression"), equalTo(Map.of("fromPhase", 4, "toPhase", 3,
                "exercises", List.of("a-skips", "sprint-build-ups"))));
    }

    @Test
    void planCreatedCarriesTheTimeRulesAndEachFrequency() {
        Intake intake = Intake.accepted();
        intake.open();

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 1);
        assertThat(records, hasSize(1));
        JsonPath data = JsonPath.from(records.get(0).value()).setRootPath("data");
        assertThat(data.getInt("protocolVersion"), equalTo(2));
        assertThat(data.getMap("timeRules"), equalTo(Map.of("sprintMinDaysBetween", 2, "sprintMinHoursBetween", 36,
                "levelTolerance", 5, "clearanceMinDays", 14, "maxLateHours", 72)));

        assertThat(data.getList("prescriptions.exercise"), contains("isometric-heel-press", "extender", "glider",
                "single-leg-rdl", "nordic-assisted", "diver", "nordic-full", "walkouts", "a-skips", "sprint-build-ups"));
        assertThat(data.getMap("prescriptions[0].frequency"),
                equalTo(Map.of("timesMin", 2, "timesMax", 2, "per", "DAY")));
        assertThat(data.getMap("prescriptions[1].frequency"),
                equalTo(Map.of("timesMin", 1, "timesMax", 1, "per", "DAY")));
        assertThat(data.getMap("prescriptions[2].frequency"),
                equalTo(Map.of("timesMin", 3, "timesMax", 3, "per", "WEEK")));
        assertThat(data.getMap("prescriptions[8].frequency"),
                equalTo(Map.of("timesMin", 3, "timesMax", 4, "per", "WEEK")));
        // The sprints have no frequency of their own in the catalogue: the field is sent, as null.
        assertThat(data.getMap("prescriptions[9]"), hasKey("frequency"));
        assertThat(data.get("prescriptions[9].frequency"), nullValue());
    }

    @Test
    void aNewPlanPublishesPlanClosedForTheOldOneFirst() {
        Intake intake = Intake.accepted();
        String first = intake.open();
        String second = Intake.accepted().with("athleteId", intake.athleteId()).open();

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", intake.athleteId(), 3);
        assertThat(records.stream().map(r -> JsonPath.from(r.value()).getString("type")).toList(),
                contains("plan-created", "plan-closed", "plan-created"));
        JsonPath closed = JsonPath.from(records.get(1).value());
        assertThat(closed.getString("subject"), equalTo(intake.athleteId()));
        assertThat(closed.getMap("data").keySet(), containsInAnyOrder(
                "planId", "athleteId", "clinicId", "closedAt", "reason"));
        assertThat(closed.getString("data.planId"), equalTo(first));
        assertThat(closed.getString("data.clinicId"), equalTo(Identities.CLINIC));
        assertThat(closed.getString("data.athleteId"), equalTo(intake.athleteId()));
        assertThat(closed.getString("data.reason"), equalTo("superseded by plan " + second));
        assertThat(closed.getString("data.closedAt"), not(nullValue()));
        assertThat(JsonPath.from(records.get(2).value()).getString("data.planId"), equalTo(second));
    }

    @Test
    void aRefusedIntakePublishesNothing() {
        Intake refused = Intake.accepted().with("clinicianConfirmed", false);
        refused.post().statusCode(422);
        String planId = Intake.accepted().with("athleteId", refused.athleteId()).open();

        List<ConsumerRecord<String, String>> records = Kafka.read("plan-events", refused.athleteId(), 1);
        assertThat(records, hasSize(1));
        assertThat(JsonPath.from(records.get(0).value()).getString("data.planId"), equalTo(planId));
    }
}
