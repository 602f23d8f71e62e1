package org.physiorun.progress.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pain value of a session's Observation, without a server: the higher of during and after, or during alone. */
class ProgressFhirTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void theValueIsTheHigherOfPainDuringAndAfterAndEachIsAComponent() {
        Observation pain = only(session(2, 4));

        assertEquals(4, pain.getValueIntegerType().getValue());
        assertEquals(List.of("pain-during", "pain-after", "exercise"), componentCodes(pain));
        assertEquals(2, pain.getComponent().get(0).getValueIntegerType().getValue());
        assertEquals(4, pain.getComponent().get(1).getValueIntegerType().getValue());
    }

    @Test
    void withoutPainAfterTheValueIsPainDuringAndNoAfterComponentIsInvented() {
        Observation pain = only(session(3, null));

        assertEquals(3, pain.getValueIntegerType().getValue());
        assertEquals(List.of("pain-during", "exercise"), componentCodes(pain));
    }

    private static Observation only(SessionRecord session) {
        AthletePlan plan = new AthletePlan();
        plan.planId = UUID.randomUUID();
        plan.athleteId = "ana";
        Bundle bundle = ProgressFhir.bundle(plan, List.of(session), List.of(), NOW);
        assertEquals(1, bundle.getEntry().size());
        return (Observation) bundle.getEntryFirstRep().getResource();
    }

    private static SessionRecord session(int during, Integer after) {
        SessionRecord session = new SessionRecord();
        session.eventId = UUID.randomUUID();
        session.exercise = "glider";
        session.performedAt = NOW.minusSeconds(3600);
        session.loggedAt = NOW;
        session.painDuring = during;
        session.painAfter = after;
        return session;
    }

    private static List<String> componentCodes(Observation observation) {
        return observation.getComponent().stream().map(c -> c.getCode().getCodingFirstRep().getCode()).toList();
    }
}
