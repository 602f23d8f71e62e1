package org.physiorun.webhook.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.infra.testing.WebhookReceiver;
import org.physiorun.infra.testing.WebhookReceiver.Answer;
import org.physiorun.infra.testing.WebhookReceiver.Received;
import org.physiorun.webhook.support.ProgressionEvents;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.physiorun.webhook.support.ProgressionEvents.idOf;
import static org.physiorun.webhook.support.ProgressionEvents.phaseAdvanced;

/**
 * Deliveries from progression-events on the real broker to a receiver on loopback: signed, retried, in each
 * athlete's order, stopped by a 410, each event once per endpoint. Every test has a clinic and an endpoint of its
 * own.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class DeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static WebhookReceiver receiver;

    /** A clinic with one endpoint on the receiver. */
    private record Clinic(String id, String endpointId, String path, String secret) {
        String admin() {
            return TestTokens.bearer(TestTokens.clinicAdmin(id));
        }

        String athlete() {
            return "athlete-" + UUID.randomUUID();
        }

        List<Map<String, Object>> deliveries() {
            return given().header("Authorization", admin()).get("/api/webhooks/" + endpointId + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("$");
        }

        Map<String, Object> delivery(String eventId) {
            return deliveries().stream().filter(d -> d.get("eventId").equals(eventId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no delivery of " + eventId + " yet"));
        }
    }

    @BeforeAll
    static void startTheReceiver() throws IOException {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    private static Clinic clinic() {
        String id = "clinic-" + UUID.randomUUID();
        String path = "/" + id;
        ExtractableResponse<Response> created = given().header("Authorization",
                        TestTokens.bearer(TestTokens.clinicAdmin(id))).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\"}".formatted(receiver.url(path))).post("/api/webhooks")
                .then().statusCode(201).extract();
        return new Clinic(id, created.path("id"), path, created.path("secret"));
    }

    private static List<String> ids(List<Received> received) {
        return received.stream().map(Received::webhookId).toList();
    }

    @Test
    void anEventReachesItsClinicsEndpointSignedAndExactlyAsPublished() {
        Clinic clinic = clinic();
        String athlete = clinic.athlete();
        String event = phaseAdvanced(athlete, clinic.id());
        ProgressionEvents.publish(athlete, event);

        await().atMost(PATIENCE).until(() -> receiver.at(clinic.path()).size() == 1);
        Received received = receiver.at(clinic.path()).get(0);
        assertThat(received.webhookId()).isEqualTo(idOf(event));
        assertThat(received.body()).isEqualTo(event);
        assertThat(received.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(received.signedWith(clinic.secret())).isTrue();
        assertThat(received.signedWith(clinic().secret())).as("another endpoint's secret").isFalse();
        assertThat(Long.parseLong(received.timestamp()))
                .isCloseTo(System.currentTimeMillis() / 1000, Offset.offset(60L));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clinic.delivery(idOf(event)))
                .containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                .containsEntry("lastStatusCode", 204).containsEntry("athleteId", athlete));
    }

    @Test
    void anotherClinicsAthleteProducesNothingAtThisEndpoint() {
        Clinic north = clinic();
        Clinic south = clinic();
        String southern = south.athlete();
        String southEvent = phaseAdvanced(southern, south.id());
        ProgressionEvents.publish(southern, southEvent);
        await().atMost(PATIENCE).until(() -> receiver.at(south.path()).size() == 1);
        String northern = north.athlete();
        ProgressionEvents.publish(northern, phaseAdvanced(northern, north.id()));
        await().atMost(PATIENCE).until(() -> receiver.at(north.path()).size() == 1);

        assertThat(ids(receiver.at(north.path()))).doesNotContain(idOf(southEvent));
        assertThat(north.deliveries()).extracting(d -> d.get("athleteId")).containsOnly(northern);
    }

    @Test
    void whileAnAthletesEventWaitsForItsRetryTheirLaterOnesWaitAndOtherAthletesFlow() {
        Clinic clinic = clinic();
        receiver.answer(clinic.path(), Answer.status(500));
        String first = clinic.athlete();
        String second = clinic.athlete();
        List<String> firsts = List.of(phaseAdvanced(first, clinic.id()), phaseAdvanced(first, clinic.id()),
                phaseAdvanced(first, clinic.id()));
        ProgressionEvents.publish(first, firsts.toArray(String[]::new));
        await().atMost(PATIENCE).until(() -> receiver.at(clinic.path()).size() == 1);
        assertThat(clinic.delivery(idOf(firsts.get(0))))
                .containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("lastStatusCode", 500);

        String other = phaseAdvanced(second, clinic.id());
        ProgressionEvents.publish(second, other);
        await().atMost(PATIENCE).until(() -> ids(receiver.at(clinic.path())).contains(idOf(other)));
        // the other athlete's event went out while the first athlete's first one waited for its retry
        assertThat(clinic.delivery(idOf(firsts.get(0)))).containsEntry("status", "PENDING");
        assertThat(ids(receiver.at(clinic.path()))).doesNotContain(idOf(firsts.get(1)), idOf(firsts.get(2)));

        await().atMost(PATIENCE).until(() -> receiver.at(clinic.path()).size() == 5);
        List<String> firstAthletes = ids(receiver.at(clinic.path())).stream().filter(id -> !id.equals(idOf(other)))
                .toList();
        assertThat(firstAthletes).containsExactly(idOf(firsts.get(0)), idOf(firsts.get(0)), idOf(firsts.get(1)),
                idOf(firsts.get(2)));
        assertThat(clinic.delivery(idOf(firsts.get(0))))
                .containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    }

    @Test
    void anEndpointThatAnswers410IsDisabledAndGetsNothingMore() {
        Clinic clinic = clinic();
        receiver.answer(clinic.path(), Answer.status(410));
        String athlete = clinic.athlete();
        String gone = phaseAdvanced(athlete, clinic.id());
        String after = phaseAdvanced(athlete, clinic.id());
        ProgressionEvents.publish(athlete, gone, after);

        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", clinic.admin())
                .get("/api/webhooks/" + clinic.endpointId()).then()
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("410")));
        await().atMost(PATIENCE).until(() -> clinic.deliveries().size() == 2);
        assertThat(clinic.delivery(idOf(gone))).containsEntry("status", "FAILED").containsEntry("lastStatusCode", 410);
        assertThat(clinic.delivery(idOf(after))).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(ids(receiver.at(clinic.path()))).containsExactly(idOf(gone));
        given().header("Authorization", clinic.admin())
                .post("/api/webhooks/" + clinic.endpointId() + "/deliveries/" + idOf(after) + "/retry")
                .then().statusCode(409);
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeHasFailedThatAttempt() {
        Clinic clinic = clinic();
        // the tests' timeout is a second
        receiver.answer(clinic.path(), new Answer(204, 3000));
        String athlete = clinic.athlete();
        String event = phaseAdvanced(athlete, clinic.id());
        ProgressionEvents.publish(athlete, event);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(clinic.delivery(idOf(event)))
                .containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("lastStatusCode", null)
                .hasEntrySatisfying("lastError", error -> assertThat((String) error).contains("no answer"))
                .hasEntrySatisfying("nextAttemptAt", at -> assertThat(at).isNotNull()));
    }

    @Test
    void aSlowEndpointGetsAFewSendersAtATimeAndTheOthersGoOn() {
        Clinic slow = clinic();
        Clinic quick = clinic();
        // slow but within the tests' one-second timeout: every one is delivered
        Answer[] slowly = new Answer[8];
        Arrays.fill(slowly, new Answer(204, 700));
        receiver.answer(slow.path(), slowly);
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        for (int i = 0; i < slowly.length; i++) {
            String athlete = slow.athlete();
            events.add(new ProducerRecord<>("progression-events", athlete,
                    phaseAdvanced(athlete, slow.id())));
        }
        String athlete = quick.athlete();
        events.add(new ProducerRecord<>("progression-events", athlete,
                phaseAdvanced(athlete, quick.id())));
        ProgressionEvents.publish(events);

        await().atMost(PATIENCE).until(() -> receiver.at(quick.path()).size() == 1);
        await().atMost(PATIENCE).until(() -> receiver.at(slow.path()).size() == slowly.length);
        // senders-per-endpoint is 4: the other 12 senders stay free for the other endpoints
        assertThat(receiver.mostAtOnce(slow.path())).isBetween(1, 4);
    }

    @Test
    void anEventReadTwiceIsDeliveredOnce() {
        Clinic clinic = clinic();
        String athlete = clinic.athlete();
        String event = phaseAdvanced(athlete, clinic.id());
        String marker = phaseAdvanced(athlete, clinic.id());
        // one partition per athlete: once the marker arrives, both copies before it have been read
        ProgressionEvents.publish(athlete, event, event, marker);

        await().atMost(PATIENCE).until(() -> ids(receiver.at(clinic.path())).contains(idOf(marker)));
        assertThat(ids(receiver.at(clinic.path()))).containsExactly(idOf(event), idOf(marker));
        assertThat(clinic.deliveries()).hasSize(2);
    }

    @Test
    void aDeliveryCanBeSentAgainOnRequest() {
        Clinic clinic = clinic();
        String athlete = clinic.athlete();
        String event = phaseAdvanced(athlete, clinic.id());
        ProgressionEvents.publish(athlete, event);
        await().atMost(PATIENCE).until(() -> receiver.at(clinic.path()).size() == 1);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(clinic.delivery(idOf(event)).get("status")));

        given().header("Authorization", clinic.admin())
                .post("/api/webhooks/" + clinic.endpointId() + "/deliveries/" + idOf(event) + "/retry")
                .then().statusCode(200).body("eventId", equalTo(idOf(event)));
        await().atMost(PATIENCE).until(() -> receiver.at(clinic.path()).size() == 2);
        assertThat(ids(receiver.at(clinic.path()))).containsOnly(idOf(event));
    }

    @Test
    void anEndpointOnlyGetsTheTypesItAskedFor() {
        String id = "clinic-" + UUID.randomUUID();
        String path = "/" + id;
        given().header("Authorization", TestTokens.bearer(TestTokens.clinicAdmin(id))).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"physiorun.progression.pain-ceiling-exceeded\"]}"
                        .formatted(receiver.url(path)))
                .post("/api/webhooks").then().statusCode(201);
        String athlete = "athlete-" + UUID.randomUUID();
        String pain = ProgressionEvents.event(UUID.randomUUID().toString(),
                "physiorun.progression.pain-ceiling-exceeded", athlete, id, "\"pain\": 6, \"exercise\": \"extender\"");
        ProgressionEvents.publish(athlete, phaseAdvanced(athlete, id), pain);

        await().atMost(PATIENCE).until(() -> receiver.at(path).size() == 1);
        assertThat(ids(receiver.at(path))).containsExactly(idOf(pain));
    }
}
