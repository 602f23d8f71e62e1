package org.physiorun.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.plan.catalogue.CatalogueClient;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiorun.plan.Identities.asPhysio;

/**
 * Without the catalogue no plan can be made whole, so none is made, whether the catalogue refuses connections or
 * takes them and stays silent; when it comes back, plans can be made again.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class CatalogueDownTest {

    /** The breaker opens once half of the last 6 calls failed, 3 per plan request: well within this many requests. */
    private static final int REQUESTS_TO_OPEN_AT_MOST = 4;
    private static final int REQUESTS_ONCE_OPEN = 5;

    @Inject
    AgroalDataSource database;

    @Test
    void aDownCatalogueIsA503WithRetryAfterAndNothingIsStored() {
        Intake intake = Intake.accepted();
        String current = Intake.accepted().with("athleteId", intake.athleteId()).open();
        CatalogueStub.goDown();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertUnavailable(intake.post());
            }
            // The athlete's plan is untouched: still the only one, still active.
            asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans").then().statusCode(200)
                    .body("planId", contains(current))
                    .body("status", contains("ACTIVE"));
            Intake stranger = Intake.accepted();
            stranger.post().statusCode(503);
            asPhysio().queryParam("athleteId", stranger.athleteId()).when().get("/api/plans")
                    .then().statusCode(200).body("$", empty());
        } finally {
            CatalogueStub.comeBack();
        }
        awaitPlansAgain(intake);
    }

    @Test
    void aSilentCatalogueIsA503WithinTheTimeoutsThenTheBreakerAnswersAtOnceAndNothingIsWritten() throws Exception {
        Intake intake = Intake.accepted();
        Duration budget = callBudget();
        List<Duration> untilOpen = new ArrayList<>();
        List<Duration> onceOpen = new ArrayList<>();
        int callsUntilOpen;
        CatalogueStub.goSilent();
        try {
            // Each request waits out the timeouts and retries of one call, until the breaker has seen enough
            // failures: then a request is answered without calling the catalogue at all.
            boolean open = false;
            while (!open && untilOpen.size() < REQUESTS_TO_OPEN_AT_MOST) {
                int before = CatalogueStub.callsWhileSilent();
                untilOpen.add(timed(() -> assertUnavailable(intake.post())));
                open = CatalogueStub.callsWhileSilent() == before;
            }
            assertTrue(open, "the breaker was still closed after " + untilOpen.size() + " requests, "
                    + CatalogueStub.callsWhileSilent() + " calls to the silent catalogue");
            onceOpen.add(untilOpen.remove(untilOpen.size() - 1));
            assertTrue(!untilOpen.isEmpty(), "the first request reached no catalogue: the breaker was open already");
            callsUntilOpen = CatalogueStub.callsWhileSilent();
            while (onceOpen.size() < REQUESTS_ONCE_OPEN) {
                onceOpen.add(timed(() -> assertUnavailable(intake.post())));
            }
            assertEquals(callsUntilOpen, CatalogueStub.callsWhileSilent(),
                    "requests reached the catalogue while the breaker was open");
        } finally {
            CatalogueStub.comeBack();
        }
        String made = awaitPlansAgain(intake);

        // Nothing was written while the catalogue was silent: the one plan and the one plan-created are the
        // plan made once it was back (the topic is read past it, so an earlier record of the athlete is seen too).
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans").then().statusCode(200)
                .body("planId", contains(made));
        assertEquals(1, outboxRows(intake.athleteId()), "plan-events rows in the outbox");
        List<ConsumerRecord<String, String>> events = Kafka.read("plan-events", intake.athleteId(), 1);
        assertThat(events, hasSize(1));
        assertEquals(made, JsonPath.from(events.get(0).value()).getString("data.planId"));

        Duration first = untilOpen.get(0);
        Duration slowestOnceOpen = Collections.max(onceOpen);
        System.out.printf("FIGURES silent catalogue: requests=%d, answered 503=%d, time to first answer=%.1f s"
                        + " (budget of one call: %.1f s), breaker open after %d requests (%d calls),"
                        + " slowest answer once open=%.3f s with 0 calls, plans stored=0, plan-events written=0%n",
                untilOpen.size() + onceOpen.size(), untilOpen.size() + onceOpen.size(), seconds(first),
                seconds(budget), untilOpen.size(), callsUntilOpen, seconds(slowestOnceOpen));
        // Generous bounds on a shared machine: the figures above are what to read.
        assertThat(first, lessThan(budget.plusSeconds(10)));
        assertThat(slowestOnceOpen, lessThan(timeoutOfOneCall()));
    }

    private static void assertUnavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("/problems/dependency-unavailable"))
                .body("status", equalTo(503));
    }

    /** Once the breaker lets calls through again, plans are made as before; the new plan's id. */
    private static String awaitPlansAgain(Intake intake) {
        List<String> made = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = intake.post().extract();
            if (response.statusCode() == 201) {
                made.add(response.path("planId"));
            }
            return !made.isEmpty();
        });
        return made.get(0);
    }

    private int outboxRows(String athleteId) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_message WHERE topic = 'plan-events' AND message_key = ?")) {
            query.setString(1, athleteId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Duration timed(Runnable request) {
        long started = System.nanoTime();
        request.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Duration timeoutOfOneCall() {
        Timeout timeout = catalogueCall().getAnnotation(Timeout.class);
        return Duration.of(timeout.value(), timeout.unit());
    }

    /** The longest one catalogue call may take as configured: every try timing out, with the longest delays. */
    private static Duration callBudget() {
        Retry retry = catalogueCall().getAnnotation(Retry.class);
        Duration delay = Duration.of(retry.delay(), retry.delayUnit()).plus(Duration.of(retry.jitter(),
                retry.jitterDelayUnit()));
        return timeoutOfOneCall().multipliedBy(retry.maxRetries() + 1L).plus(delay.multipliedBy(retry.maxRetries()));
    }

    private static Method catalogueCall() {
        try {
            return CatalogueClient.class.getMethod("exercises", boolean.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
