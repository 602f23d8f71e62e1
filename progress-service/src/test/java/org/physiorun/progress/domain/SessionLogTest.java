package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SessionLogTest {

    private static SessionLog withPain(Integer during, Integer after) {
        return SessionBuilder.atDose(Plans.defaults(), "glider").at(Instant.parse("2026-03-05T08:00:00Z"))
                .pain(during, after).build();
    }

    @Test
    void highestPainIsTheWorseOfDuringAndAfter() {
        assertEquals(4, withPain(2, 4).highestPain());
        assertEquals(5, withPain(5, 1).highestPain());
    }

    @Test
    void highestPainIgnoresAPainNotReported() {
        assertEquals(3, withPain(null, 3).highestPain());
        assertEquals(2, withPain(2, null).highestPain());
        assertEquals(0, withPain(null, null).highestPain());
    }

    @Test
    void aSessionNeedsAnIdAnExerciseAndATime() {
        assertThrows(NullPointerException.class, () -> new SessionLog(null, "glider", Instant.EPOCH,
                3, 8, null, null, null, null, 0, 0, true, false, 2, false));
        assertThrows(NullPointerException.class, () -> new SessionLog(UUID.randomUUID(), "glider", null,
                3, 8, null, null, null, null, 0, 0, true, false, 2, false));
    }
}
