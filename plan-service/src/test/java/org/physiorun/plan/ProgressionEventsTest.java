package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.physiorun.plan.Identities.asPhysio;

/** plan-service follows progress-service's decisions on progression-events, once per event id. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class ProgressionEventsTest {

    private static final String GROUP = "plan-service";

    @Test
    void anAdvanceAndARegressionMoveTheCurrentPhase() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        Progression.move(intake.athleteId(), planId, 1, 2);
        Progression.move(intake.athleteId(), planId, 2, 3);
        Progression.move(intake.athleteId(), planId, 3, 4);
        Progression.move(intake.athleteId(), planId, 4, 3);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        Progression.move(intake.athleteId(), planId, 1, 2);
        Progression.move(intake.athleteId(), planId, 2, 3);
        String advance = UUID.randomUUID().toString();
        Progression.send(advance, Progression.ADVANCED, intake.athleteId(), planId, 3, 4);
        Progression.awaitPhase(planId, 4);
        Progression.move(intake.athleteId(), planId, 4, 3);

        // The advance again, as after a crash between publishing it and recording that it was published. The plan
        // is back in the phase that advance was decided in, so only its id tells that it was applied already.
        RecordMetadata again = Progression.send(advance, Progression.ADVANCED, intake.athleteId(), planId, 3, 4);
        Kafka.awaitConsumed(GROUP, again);
        assertPhase(planId, 3);
    }

    @Test
    void otherEventTypesLeaveThePhaseAlone() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        RecordMetadata level = Kafka.send("progression-events", intake.athleteId(), """
                {"specversion": "1.0", "id": "%s", "source": "/progress-service",
                 "type": "physiorun.progression.sprint-level-advanced", "subject": "%s",
                 "data": {"planId": "%s", "fromLevel": 60, "toLevel": 80, "toPhase": 4}}"""
                .formatted(UUID.randomUUID(), intake.athleteId(), planId));
        Kafka.awaitConsumed(GROUP, level);
        assertPhase(planId, 1);
    }

    @Test
    void aDecisionTakenInAnotherPhaseThanThePlansIsSkipped() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        Progression.move(intake.athleteId(), planId, 1, 2);

        // Applied, each would move the plan away from phase 2: one skips phase 3, the other goes "back" to it.
        RecordMetadata ahead = Progression.send(UUID.randomUUID().toString(), Progression.ADVANCED,
                intake.athleteId(), planId, 3, 4);
        Kafka.awaitConsumed(GROUP, ahead);
        assertPhase(planId, 2);
        RecordMetadata behind = Progression.send(UUID.randomUUID().toString(), Progression.REGRESSED,
                intake.athleteId(), planId, 4, 3);
        Kafka.awaitConsumed(GROUP, behind);
        assertPhase(planId, 2);

        Progression.move(intake.athleteId(), planId, 2, 3);
    }

    @Test
    void unreadableRecordsAndUnknownPlansAreSkippedAndTheConsumerKeepsGoing() throws Exception {
        Intake intake = Intake.accepted();
        String planId = intake.open();
        Kafka.send("progression-events", intake.athleteId(), "this is not json");
        Kafka.send("progression-events", intake.athleteId(), "{\"type\": \"" + Progression.ADVANCED + "\"}");
        Progression.send(UUID.randomUUID().toString(), Progression.ADVANCED, intake.athleteId(),
                UUID.randomUUID().toString(), 1, 2);
        Progression.send(UUID.randomUUID().toString(), Progression.ADVANCED, intake.athleteId(), "not-a-uuid", 1, 2);
        // A phase the protocol does not have, decided in the plan's own phase: only the protocol check stops it.
        RecordMetadata noSuchPhase = Progression.send(UUID.randomUUID().toString(), Progression.ADVANCED,
                intake.athleteId(), planId, 1, 5);
        // Looked at once the consumer is past that record, before anything else could move the plan.
        Kafka.awaitConsumed(GROUP, noSuchPhase);
        assertPhase(planId, 1);

        Progression.move(intake.athleteId(), planId, 1, 2);
        asPhysio().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void assertPhase(String planId, int phase) {
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200).body("currentPhase", equalTo(phase));
    }
}
