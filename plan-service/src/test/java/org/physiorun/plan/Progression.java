package org.physiorun.plan;

import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.physiorun.plan.Identities.asPhysio;

/** progression-events as progress-service publishes them: structured CloudEvents keyed by athlete. */
final class Progression {

    static final String ADVANCED = "physiorun.progression.phase-advanced";
    static final String REGRESSED = "physiorun.progression.phase-regressed";

    private Progression() {
    }

    /** Publishes a phase change with a new event id and waits until the plan shows the new phase. */
    static void move(String athleteId, String planId, int fromPhase, int toPhase) throws Exception {
        send(UUID.randomUUID().toString(), toPhase > fromPhase ? ADVANCED : REGRESSED, athleteId, planId,
                fromPhase, toPhase);
        awaitPhase(planId, toPhase);
    }

    static RecordMetadata send(String id, String type, String athleteId, String planId, int fromPhase, int toPhase)
            throws Exception {
        return Kafka.sendCloudEvent("progression-events", athleteId, """
                {"specversion": "1.0", "id": "%s", "source": "/progress-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json",
                 "data": {"athleteId": "%s", "planId": "%s", "fromPhase": %d, "toPhase": %d,
                          "criteria": ["test"], "decidedAt": "%s"}}"""
                .formatted(id, type, athleteId, Instant.now(), athleteId, planId, fromPhase, toPhase, Instant.now()));
    }

    static void awaitPhase(String planId, int phase) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> asPhysio().when().get("/api/plans/" + planId).then().statusCode(200)
                        .extract().<Integer>path("currentPhase"),
                equalTo(phase));
    }
}
