package org.physiorun.reliability;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * PostgreSQL stops and starts again on the same port and data while runners keep logging sessions: the intake
 * answers 503 with Retry-After while it is away, both services' readiness goes DOWN and comes back UP on its own
 * (the services are not restarted), and every accepted session is counted once. Each of the three consumers is
 * handed a record while the database is away, for longer than the minute after which a consumer used to give up
 * and stop its channel: each applies its record once the database is back, and goes on with the next ones.
 */
class DatabaseRestartIT {

    /** Longer than a record used to be retried (60 times, a second apart) or left unacknowledged (a minute). */
    private static final Duration AWAY = Duration.ofSeconds(75);
    private static final String RETRY_LOGGED = "A record could not be applied, trying it again";

    @Test
    void whileTheDatabaseIsAwayReadinessIsDownTheIntakeRefusesAndTheConsumersWait() throws Exception {
        try (RestartRig rig = RestartRig.start("database-restart");
             ReadinessWatch progressReady = new ReadinessWatch(rig.stack.url("progress-service"));
             ReadinessWatch planReady = new ReadinessWatch(rig.stack.url("plan-service"))) {
            List<String> athletes = rig.enrolRunners(10);
            String follower = "follower-" + UUID.randomUUID();
            String followerPlan = rig.enrol(follower);
            List<String> planCreated = rig.records("plan-events", follower, Duration.ofSeconds(3));
            assertEquals(1, planCreated.size(), "the follower's plan-created record");
            assertFalse(progressReady.wentDown() || planReady.wentDown(), "both ready before the stop");

            SessionTraffic traffic = SessionTraffic.start(rig, athletes, 4);
            await().atMost(Duration.ofSeconds(60)).until(() -> traffic.acceptedCount() >= 100);

            Instant stopped = Instant.now();
            rig.postgres.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> progressReady.wentDown() && planReady.wentDown());
            // A record for each consumer while the database is away: a decision for plan-service, a session from an
            // operator's own producer and a redelivered plan-created for progress-service.
            rig.publish("progression-events", follower, phaseAdvanced(follower, followerPlan));
            UUID direct = UUID.randomUUID();
            rig.publish("session-events", follower, RestartRig.session(direct, follower, "isometric-heel-press",
                    Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
            rig.publish("plan-events", follower, planCreated.get(0));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Files.readString(rig.logDir.resolve("plan-service.log")).contains(RETRY_LOGGED)
                            && Files.readString(rig.logDir.resolve("progress-service.log")).contains(RETRY_LOGGED));
            assertEquals(503, rig.get("plan-service", "/api/plans/" + followerPlan, follower).statusCode(),
                    "plan-service's answers while its database is away");
            Thread.sleep(Math.max(0, AWAY.minus(Duration.between(stopped, Instant.now())).toMillis()));

            rig.postgres.restart();
            Instant back = Instant.now();
            traffic.markRestart();
            await().atMost(Duration.ofSeconds(120)).until(() -> progressReady.cameBack() && planReady.cameBack());
            await().atMost(Duration.ofSeconds(120)).until(() -> traffic.firstAcceptedAfterRestart.get() != null);
            await().atMost(Duration.ofSeconds(60)).until(() -> rig.currentPhase(follower, followerPlan) == 2);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    rig.countedSessions(follower).equals(List.of(direct.toString())));

            // The channels are still open: a plan made now reaches progress-service, whose decision on it reaches
            // plan-service through the outbox.
            String decider = "decider-" + UUID.randomUUID();
            String deciderPlan = rig.enrol(decider);
            rig.openFirstGate(decider);
            int acceptedByNow = traffic.acceptedCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> traffic.acceptedCount() >= acceptedByNow + 100);
            List<String> counted = traffic.finishAndCheck();
            rig.assertFirstGateOpenedOnce(decider, deciderPlan);

            System.out.printf("FIGURES database-restart: sessions posted=%d, accepted(202)=%d, refused(503)=%d, "
                            + "counted=%d, duplicates=%d, database away=%.1f s, readiness down for=%.1f s "
                            + "(progress-service) and %.1f s (plan-service), recovered in=%.1f s%n",
                    traffic.posted.size(), traffic.acceptedCount(), traffic.refused.get(), counted.size(),
                    counted.size() - Set.copyOf(counted).size(),
                    RestartRig.seconds(stopped, back), progressReady.downSeconds(), planReady.downSeconds(),
                    RestartRig.seconds(back, traffic.firstAcceptedAfterRestart.get()));
        }
    }

    /** A phase-advanced decision for the athlete's plan, as progress-service writes it. */
    private static String phaseAdvanced(String athleteId, String planId) {
        Instant now = Instant.now();
        return """
                {"specversion": "1.0", "id": "%s", "source": "/progress-service",
                 "type": "physiorun.progression.phase-advanced", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"athleteId": "%s", "planId": "%s", "fromPhase": 1, "toPhase": 2, "criteria": [],
                          "decidedAt": "%s"}}""".formatted(UUID.randomUUID(), athleteId, now, athleteId, planId, now);
    }
}
