package org.physiorun.progress.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.physiorun.infra.testing.RealServers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;

/** One test athlete with a fresh plan, whose sessions go through the real Kafka topic. */
public final class AthleteJourney {

    public final KafkaTestClient kafka = new KafkaTestClient(RealServers.kafkaBootstrapServers());
    public final String athleteId = "athlete-" + UUID.randomUUID();
    public final UUID planId = UUID.randomUUID();
    public final LocalDate injuryDate;
    private int minute;

    public AthleteJourney(int daysSinceInjury) {
        injuryDate = LocalDate.now(ZoneOffset.UTC).minusDays(daysSinceInjury - 1L);
    }

    /** Publishes plan-created and waits until progress-service knows the plan. */
    public AthleteJourney withPlan() {
        kafka.sendCloudEvent("plan-events", athleteId, Journeys.planCreated(UUID.randomUUID(), planId, athleteId, injuryDate));
        await().atMost(Duration.ofSeconds(30)).until(() -> when().get("/api/progress/" + athleteId).statusCode() == 200);
        return this;
    }

    public Journeys.Session at(String exercise, int day) {
        return Journeys.session(athleteId, injuryDate, exercise, day, minute++);
    }

    public void log(Journeys.Session session) {
        kafka.send("session-events", athleteId, session.json());
    }

    public void log(String exercise, int... days) {
        for (int day : days) {
            log(at(exercise, day));
        }
    }

    /** Phases 1-3 done the way the protocol asks: the athlete is in phase 4 (at 60%) after day 29. */
    public void reachPhaseFour() {
        log("isometric-heel-press", 5, 6);
        log("extender", 5, 6);
        log("isometric-heel-press", 7);
        for (int day : new int[]{9, 11, 13}) {
            log("glider", day);
            log("single-leg-rdl", day);
            log("nordic-assisted", day);
        }
        log("easy-run", 14);
        log("glider", 15);
        for (int day : new int[]{25, 27, 29}) {
            log("diver", day);
            log("nordic-full", day);
            log("walkouts", day);
        }
    }

    public List<JsonNode> events(int count) {
        return kafka.progressionEvents(athleteId, count, Duration.ofSeconds(30));
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText().replace("physiorun.progression.", "")).toList();
    }
}
