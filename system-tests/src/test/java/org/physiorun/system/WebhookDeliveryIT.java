package org.physiorun.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.AsyncApiContract;
import org.physiorun.infra.testing.Stack;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.infra.testing.WebhookReceiver;
import org.physiorun.infra.testing.WebhookReceiver.Answer;
import org.physiorun.infra.testing.WebhookReceiver.Received;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clinic system's view of the whole system: it registers a webhook endpoint, an athlete of the clinic goes through
 * a phase change and a pain alert, and the endpoint receives both, signed with its secret, in order, though its first
 * answer was an error and webhook-service was killed while the second was under way; nothing is lost and,
 * deduplicated by webhook-id, nothing comes twice. Another clinic's athlete produces nothing there. Every delivery is
 * what the AsyncAPI document says a webhook delivery is.
 */
class WebhookDeliveryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "north-" + RUN;
    private static final String SOUTH = "south-" + RUN;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Stack stack;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startTheSystem() throws Exception {
        receiver = WebhookReceiver.start();
        stack = SharedStack.get();
        // the receiver listens on loopback over http, which only the local run's rules allow; a short lease, so that
        // the claims of the killed instance run out within the test
        stack.addWebhookService(Map.of("PHYSIORUN_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true",
                "PHYSIORUN_WEBHOOKS_LEASE", "PT5S"));
    }

    @AfterAll
    static void stopTheSystem() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static RequestSpecification at(String service, String token) {
        return given().baseUri(stack.url(service)).header("Authorization", TestTokens.bearer(token))
                .contentType(ContentType.JSON);
    }

    /** Registers the clinic's endpoint on the receiver, as its administrator; the answer holds the secret. */
    private static String register(String clinic) {
        return at("webhook-service", TestTokens.clinicAdmin(clinic))
                .body("{\"url\": \"%s\", \"description\": \"the clinic's EHR\"}".formatted(receiver.url("/" + clinic)))
                .post("/api/webhooks")
                .then().statusCode(201).extract().path("secret");
    }

    /** An athlete of the clinic with a plan, the injury 9 days ago (phase 1's gate can open today). */
    private static String athleteWithPlan(String clinic) {
        String athlete = "runner-" + UUID.randomUUID();
        at("plan-service", TestTokens.runner(athlete, clinic)).body(Intake.body(athlete, 9))
                .post("/api/plans").then().statusCode(201);
        await().atMost(PATIENCE).until(() ->
                at("progress-service", TestTokens.runner(athlete, clinic)).get("/api/progress/" + athlete)
                        .statusCode() == 200);
        return athlete;
    }

    private static void log(String athlete, String clinic, String session) {
        at("progress-service", TestTokens.runner(athlete, clinic)).body(session).post("/api/sessions")
                .then().statusCode(202);
    }

    /** A session above the pain ceiling, a little after the gate's sessions. */
    private static String painfulSession(String athlete) {
        Instant performed = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        return """
                {"eventId": "%s", "athleteId": "%s", "exercise": "extender", "performedAt": "%s",
                 "sets": 3, "reps": 12, "painDuring": 2, "painAfter": 6, "fullRange": true}"""
                .formatted(UUID.randomUUID(), athlete, performed);
    }

    /** The ids of the progression events progress-service published for the athlete, oldest first. */
    private static List<String> published(String athlete, String clinic) {
        return at("progress-service", TestTokens.runner(athlete, clinic)).get("/api/progress/" + athlete + "/events")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    /** The webhook-ids received, each once (a receiver deduplicates by it), in the order they first came. */
    private static List<String> ids(List<Received> received) {
        return received.stream().map(Received::webhookId).distinct().toList();
    }

    private static String field(Received received, String path) {
        return JsonPath.from(received.body()).getString(path);
    }

    @Test
    void aClinicsEndpointReceivesItsAthletesEventsSignedInOrderOnceEachAcrossARestart() throws Exception {
        String northSecret = register(NORTH);
        // the clinic's system is down at first: the first delivery is retried
        receiver.answer("/" + NORTH, Answer.status(500));
        String southSecret = register(SOUTH);
        String ana = athleteWithPlan(NORTH);
        String cai = athleteWithPlan(SOUTH);

        for (String session : Intake.phaseOneGateSessions(ana)) {
            log(ana, NORTH, session);
        }
        await().atMost(PATIENCE).until(() -> receiver.at("/" + NORTH).size() == 2);
        Received advanced = receiver.at("/" + NORTH).get(1);
        assertEquals(receiver.at("/" + NORTH).get(0).webhookId(), advanced.webhookId(), "the same event retried");
        assertEquals("physiorun.progression.phase-advanced", field(advanced, "type"));
        assertTrue(advanced.signedWith(northSecret), "signed with the endpoint's secret");

        // the clinic's system is slow to answer the pain alert, and webhook-service dies while it waits; the other
        // clinic's athlete reports pain while it is down
        receiver.answer("/" + NORTH, new Answer(204, 20_000));
        log(ana, NORTH, painfulSession(ana));
        await().atMost(PATIENCE).until(() -> receiver.at("/" + NORTH).size() == 3);
        String painAlert = receiver.at("/" + NORTH).get(2).webhookId();
        stack.crashAndRestart("webhook-service");
        log(cai, SOUTH, painfulSession(cai));

        await().atMost(PATIENCE).until(() -> ids(receiver.at("/" + NORTH)).size() >= 2);
        await().atMost(PATIENCE).until(() -> receiver.at("/" + SOUTH).size() >= 1);
        List<Received> north = receiver.at("/" + NORTH);
        List<String> anasEvents = published(ana, NORTH);
        assertEquals(2, anasEvents.size(), "a phase advance and a pain alert: " + anasEvents);
        assertEquals(anasEvents, ids(north), "each of Ana's events, in the order published");
        assertEquals("physiorun.progression.pain-ceiling-exceeded", field(north.get(north.size() - 1), "type"));
        assertEquals(2, north.stream().filter(r -> painAlert.equals(r.webhookId())).count(),
                "the pain alert, whose answer the crash cut off, sent again under the same webhook-id");
        assertTrue(north.stream().allMatch(r -> r.signedWith(northSecret)), "every delivery signed");
        assertTrue(north.stream().allMatch(r -> ana.equals(field(r, "data.athleteId"))),
                "nothing of the other clinic's athlete");

        List<Received> south = receiver.at("/" + SOUTH);
        assertEquals(published(cai, SOUTH), ids(south));
        assertTrue(south.get(0).signedWith(southSecret));
        for (Received delivery : receiver.at("/" + NORTH)) {
            assertEquals(List.of(), AsyncApiContract.load().deliveryViolations("WebhookDelivery", Map.of(
                    "webhook-id", delivery.webhookId(), "webhook-timestamp", delivery.timestamp(),
                    "webhook-signature", delivery.signature(), "content-type", delivery.contentType()),
                    JSON.readTree(delivery.body())), "a delivery as the AsyncAPI document describes it");
        }
        // the clinic's system sees the log, newest first: both delivered, the phase advance at the second attempt
        String endpoint = at("webhook-service", TestTokens.clinicSystem(NORTH)).get("/api/webhooks")
                .then().statusCode(200).body("size()", equalTo(1)).extract().path("[0].id");
        await().atMost(PATIENCE).untilAsserted(() -> at("webhook-service", TestTokens.clinicSystem(NORTH))
                .get("/api/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                .body("eventId", equalTo(List.of(anasEvents.get(1), anasEvents.get(0))))
                .body("status", everyItem(equalTo("DELIVERED")))
                .body("attempts", equalTo(List.of(1, 2))));
    }
}
