package org.physiorun.progress.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.physiorun.infra.testing.AsyncApiContract;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One test athlete with a fresh plan (time zone UTC) in a clinic, whose sessions go through the real Kafka topic as
 * an operator's own producer puts them there (no {@code physiorun-entered-by} header). The service is asked as the
 * runner ({@link #asRunner()}) or as a physiotherapist of the athlete's clinic ({@link #asPhysio()}).
 *
 * <p>Day {@code d} is programme day {@code d}: the injury date is day 1 and today is day {@code daysSinceInjury}.
 * The journeys keep to the calendar the way a runner following the plan would: at most one session of an
 * exercise a day (two of the isometric hold), never more than three sessions of a weekly exercise in any seven
 * days (so no Monday-Sunday week can hold four, whatever weekday the injury fell on), and sprint sessions two days
 * apart.
 */
public final class AthleteJourney {

    public final KafkaTestClient kafka = new KafkaTestClient(RealServers.kafkaBootstrapServers());
    public final String athleteId = "athlete-" + UUID.randomUUID();
    public final UUID planId = UUID.randomUUID();
    public final String clinicId;
    public final LocalDate injuryDate;
    private final String runnerToken;
    private final String physioToken;
    private int minute;

    /** An athlete of the tests' clinic ({@link Journeys#CLINIC}). */
    public AthleteJourney(int daysSinceInjury) {
        this(daysSinceInjury, Journeys.CLINIC);
    }

    public AthleteJourney(int daysSinceInjury, String clinicId) {
        this.clinicId = clinicId;
        injuryDate = LocalDate.now(ZoneOffset.UTC).minusDays(daysSinceInjury - 1L);
        runnerToken = TestTokens.runner(athleteId, clinicId);
        physioToken = TestTokens.physio(clinicId);
    }

    /** Publishes plan-created and waits until progress-service knows the plan. */
    public AthleteJourney withPlan() {
        kafka.sendAll(List.of(planCreatedRecord()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asRunner().get("/api/progress/" + athleteId).statusCode() == 200);
        return this;
    }

    /** The athlete's plan-created on {@code plan-events}, for a test that sends many at once. */
    public ProducerRecord<byte[], byte[]> planCreatedRecord() {
        return KafkaTestClient.cloudEventRecord("plan-events", athleteId,
                Journeys.planCreated(UUID.randomUUID(), planId, athleteId, clinicId, injuryDate, "UTC"));
    }

    /** The session on {@code session-events}, as {@link #log(Journeys.Session)} sends it. */
    public ProducerRecord<byte[], byte[]> record(Journeys.Session session) {
        return KafkaTestClient.record("session-events", athleteId, session.json());
    }

    /** A request with the runner's own access token. */
    public RequestSpecification asRunner() {
        return given().auth().oauth2(runnerToken);
    }

    /** A request with the access token of a physiotherapist of the athlete's clinic. */
    public RequestSpecification asPhysio() {
        return given().auth().oauth2(physioToken);
    }

    /** A session on programme day {@code day}, a minute after the one made before it (from 08:00 UTC). */
    public Journeys.Session at(String exercise, int day) {
        return Journeys.session(athleteId, injuryDate, exercise, day, minute++);
    }

    /** A session on programme day {@code day} at {@code hour}:{@code minuteOfHour} UTC. */
    public Journeys.Session at(String exercise, int day, int hour, int minuteOfHour) {
        return Journeys.session(athleteId, injuryDate, exercise, day, LocalTime.of(hour, minuteOfHour));
    }

    public void log(Journeys.Session session) {
        kafka.sendAll(List.of(record(session)));
    }

    public void log(String exercise, int... days) {
        for (int day : days) {
            log(at(exercise, day));
        }
    }

    /**
     * Phases 1 and 2 done the way the protocol asks. Phase 2 opens with the Extender of day 7 (the second of each
     * phase-1 exercise on the gate's earliest day); phase 3 with the Glider of day 15, the third Glider session
     * after the Single-Leg RDL and the Nordic (assisted) on days 9, 11, 13 and an easy run on day 14.
     */
    public List<Journeys.Session> phasesOneAndTwo() {
        List<Journeys.Session> sessions = new ArrayList<>();
        for (int day : new int[]{6, 7}) {
            sessions.add(at("isometric-heel-press", day));
            sessions.add(at("extender", day));
        }
        for (int day : new int[]{9, 11, 13}) {
            sessions.add(at("single-leg-rdl", day));
            sessions.add(at("nordic-assisted", day));
            if (day > 9) {
                sessions.add(at("glider", day));
            }
        }
        sessions.add(at("easy-run", 14));
        sessions.add(at("glider", 15));
        return sessions;
    }

    /** Phase 3 on days 25, 27 and 29: phase 4 opens with the last session, the Walkouts of day 29. */
    public List<Journeys.Session> phaseThree() {
        List<Journeys.Session> sessions = new ArrayList<>();
        for (int day : new int[]{25, 27, 29}) {
            sessions.add(at("diver", day));
            sessions.add(at("nordic-full", day));
            sessions.add(at("walkouts", day));
        }
        return sessions;
    }

    /**
     * Phases 1-3 done the way the protocol asks: the athlete is in phase 4 (at 60%) from the morning of day 29.
     *
     * @return how many sessions were logged
     */
    public int reachPhaseFour() {
        List<Journeys.Session> sessions = new ArrayList<>(phasesOneAndTwo());
        sessions.addAll(phaseThree());
        sessions.forEach(this::log);
        return sessions.size();
    }

    /**
     * The athlete's first {@code count} progression events on the topic (fewer if they do not come in time), each
     * checked against its message in the AsyncAPI document, so that every journey test holds the document to the code.
     */
    public List<JsonNode> events(int count) {
        List<JsonNode> events = kafka.progressionEvents(athleteId, count, Duration.ofSeconds(30));
        for (JsonNode event : events) {
            assertEquals(List.of(), AsyncApiContract.load().violations("progression-events", event), event.toString());
        }
        return events;
    }

    /** Waits until progress-service shows {@code count} sessions of the athlete. */
    public void awaitSessions(int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asRunner().get("/api/progress/" + athleteId + "/sessions").then().statusCode(200)
                        .body("size()", equalTo(count)));
    }

    /**
     * Nothing was decided beyond {@code events} (call it once the service has taken in what the test logged): the
     * service's own list of the events it emitted holds exactly these, in this order, and the topic, read to its
     * end, no other id. The service's list comes first because a decision is stored with the state change that caused
     * it, before the relay publishes it: an extra decision would be there even if it were not on the topic yet.
     */
    public void assertNothingMoreThan(List<JsonNode> events) {
        List<String> ids = events.stream().map(e -> e.get("id").asText()).toList();
        asRunner().get("/api/progress/" + athleteId + "/events").then().statusCode(200).body("id", equalTo(ids));
        List<String> onTopic = kafka.readAll("progression-events", KafkaTestClient.keyIn(Set.of(athleteId))).stream()
                .map(r -> KafkaTestClient.json(r).get("id").asText()).distinct().toList();
        assertEquals(ids, onTopic, "no decision beyond " + types(events));
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText().replace("physiorun.progression.", "")).toList();
    }
}
