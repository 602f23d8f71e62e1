package org.physiorun.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged service crashes (SIGKILL) in the middle of a journey, sessions keep arriving and some are
 * redelivered; after a restart nothing is lost and no decision is made twice: one id per decision.
 */
class ProgressRestartIT {

    private final List<ServiceProcess> started = new ArrayList<>();

    private ServiceProcess start(int port) throws Exception {
        ServiceProcess service = ServiceProcess.start("progress-service", Path.of("target/quarkus-app/quarkus-run.jar"),
                port, Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", RealServers.postgres().jdbcUrl(RealServers.DATABASE),
                        "KAFKA_BOOTSTRAP_SERVERS", RealServers.kafkaBootstrapServers(),
                        "PHYSIORUN_PROGRESS_REEVALUATE_EVERY", "off",
                        // the tests' own tokens: a public key is used only once the empty value unsets Keycloak's URL
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                        "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                        "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER),
                // the killed instance leaves the consumer groups after 10 s instead of 45 s
                List.of("-Xmx256m", "-Dmp.messaging.incoming.session-events.session.timeout.ms=10000",
                        "-Dmp.messaging.incoming.plan-events.session.timeout.ms=10000"),
                Path.of("target/restart-it.log"));
        started.add(service);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.stop();
        }
    }

    @Test
    void aCrashInTheMiddleOfAJourneyLosesNothingAndDecidesNothingTwice() throws Exception {
        int port = ServiceProcess.freePort();
        ServiceProcess first = start(port);
        RestAssured.port = port;
        AthleteJourney athlete = new AthleteJourney(45).withPlan();

        List<Journeys.Session> phaseOneAndTwo = athlete.phasesOneAndTwo();
        phaseOneAndTwo.forEach(athlete::log);
        assertEquals(2, distinct(athlete.events(2)).size());

        // More work arrives, and the service is killed while it counts it.
        List<Journeys.Session> phaseThree = athlete.phaseThree(); // days 25, 27 and 29: three sessions a day
        phaseThree.subList(0, 6).forEach(athlete::log);
        first.kill();

        // While it is down: the rest of the journey, and a producer redelivering the first half.
        phaseThree.subList(6, 9).forEach(athlete::log);
        phaseOneAndTwo.forEach(athlete::log);
        athlete.log(athlete.at("a-skips", 30));
        athlete.log(athlete.at("sprint-build-ups", 31, 17, 0).intensity(60));
        athlete.log(athlete.at("sprint-build-ups", 33, 17, 0).intensity(60)); // two days later: it counts

        start(port);
        Map<String, JsonNode> decisions = distinct(athlete.kafka.progressionEvents(athlete.athleteId, 4, Duration.ofSeconds(60)));
        assertEquals(List.of("phase-advanced", "phase-advanced", "phase-advanced", "sprint-level-advanced"),
                AthleteJourney.types(List.copyOf(decisions.values())));
        // Whatever was re-sent, the topic holds exactly these four decisions, and the service agrees.
        assertEquals(4, distinct(athlete.kafka.progressionEvents(athlete.athleteId, 100, Duration.ofSeconds(3))).size());
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/events").then().statusCode(200)
                .body("id", equalTo(List.copyOf(decisions.keySet())));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/sessions").then()
                        .body("size()", equalTo(phaseOneAndTwo.size() + phaseThree.size() + 3)));
    }

    /** Events by CloudEvent id, first delivery first: what a deduplicating subscriber keeps. */
    private static Map<String, JsonNode> distinct(List<JsonNode> events) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.get("id").asText(), e));
        return byId;
    }
}
