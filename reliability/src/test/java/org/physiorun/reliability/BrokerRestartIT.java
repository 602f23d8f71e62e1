package org.physiorun.reliability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka node stops and starts again on the same port and data while runners keep logging sessions: the intake
 * answers 503 with Retry-After while the broker is away, every session it accepted is counted exactly once, and the
 * consumers and the outbox relay carry on by themselves (a gate opened after the broker's return reaches
 * progression-events once, and plan-service follows it).
 */
class BrokerRestartIT {

    @Test
    void whileTheBrokerIsAwayTheIntakeRefusesAndNothingAcceptedIsLostOrCountedTwice() throws Exception {
        try (RestartRig rig = RestartRig.start("broker-restart")) {
            List<String> athletes = rig.enrolRunners(10);
            String decider = "decider-" + UUID.randomUUID();
            String deciderPlan = rig.enrol(decider);

            SessionTraffic traffic = SessionTraffic.start(rig, athletes, 4);
            await().atMost(Duration.ofSeconds(60)).until(() -> traffic.acceptedCount() >= 100);

            Instant stopped = Instant.now();
            rig.kafka.stop();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(traffic.refused.get() >= 8,
                    "503 answers so far: " + traffic.refused + "; other outcomes: " + traffic.unexpected));
            rig.kafka.restart();
            Instant back = Instant.now();
            traffic.markRestart();
            await().atMost(Duration.ofSeconds(120)).until(() -> traffic.firstAcceptedAfterRestart.get() != null);

            // a decision made after the broker's return
            rig.openFirstGate(decider);
            int acceptedByNow = traffic.acceptedCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> traffic.acceptedCount() >= acceptedByNow + 100);
            List<String> counted = traffic.finishAndCheck();
            rig.assertFirstGateOpenedOnce(decider, deciderPlan);

            System.out.printf("FIGURES broker-restart: sessions posted=%d, accepted(202)=%d, refused(503)=%d, "
                            + "counted=%d, duplicates=%d, broker away=%.1f s, recovered in=%.1f s%n",
                    traffic.posted.size(), traffic.acceptedCount(), traffic.refused.get(), counted.size(),
                    counted.size() - Set.copyOf(counted).size(),
                    RestartRig.seconds(stopped, back),
                    RestartRig.seconds(back, traffic.firstAcceptedAfterRestart.get()));
        }
    }
}
