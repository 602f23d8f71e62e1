package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SessionLogTest {

    private static final Instant PERFORMED = Instant.parse("2026-03-05T08:00:00Z");

    private static SessionBuilder glider() {
        return SessionBuilder.atDose(Plans.defaults(), "glider").at(PERFORMED);
    }

    private static SessionLog withPain(Integer during, Integer after) {
        return glider().pain(during, after).build();
    }

    @Test
    void highestPainIsTheWorseOfDuringAndAfter() {
        assertEquals(4, withPain(2, 4).highestPain());
        assertEquals(5, withPain(5, 1).highestPain());
    }

    @Test
    void painAfterNotReportedIsJudgedOnPainDuring() {
        assertEquals(2, withPain(2, null).highestPain());
        assertEquals(0, withPain(0, null).highestPain());
    }

    @Test
    void tightnessCountsOnlyWhenReported() {
        assertTrue(glider().tight().build().tight());
        assertFalse(glider().build().tight());
        assertFalse(glider().noTightnessSaid().build().tight());
    }

    @Test
    void aSessionIsJudgedWhenItWasPerformed() {
        SessionLog late = glider().loggedAt(PERFORMED.plusSeconds(3600)).build();
        assertEquals(PERFORMED, late.judgedAt());
    }

    @Test
    void aSessionDatedAheadOfItsArrivalIsJudgedAsOfItsArrival() {
        Instant arrived = PERFORMED.minusSeconds(600);
        assertEquals(arrived, glider().loggedAt(arrived).build().judgedAt());
    }

    @Test
    void aSessionNeedsAnIdAnExerciseATimeWhenItArrivedAndWhoEnteredIt() {
        UUID id = UUID.randomUUID();
        Instant t = Instant.EPOCH;
        EnteredBy runner = EnteredBy.RUNNER;
        assertThrows(NullPointerException.class, () -> new SessionLog(null, "glider", t, t, runner,
                3, 8, null, null, null, null, 0, 0, true, false));
        assertThrows(NullPointerException.class, () -> new SessionLog(id, null, t, t, runner,
                3, 8, null, null, null, null, 0, 0, true, false));
        assertThrows(NullPointerException.class, () -> new SessionLog(id, "glider", null, t, runner,
                3, 8, null, null, null, null, 0, 0, true, false));
        assertThrows(NullPointerException.class, () -> new SessionLog(id, "glider", t, null, runner,
                3, 8, null, null, null, null, 0, 0, true, false));
        assertThrows(NullPointerException.class, () -> new SessionLog(id, "glider", t, t, null,
                3, 8, null, null, null, null, 0, 0, true, false));
    }
}
