package org.physiorun.support.messaging;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFaultTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("could not execute statement", new RuntimeException("flush", cause));
    }

    @Test
    void aValueTheDatabaseCannotStoreIsTheRecordsFaultWhateverWrapsIt() {
        SQLException overflow = new SQLException("ERROR: numeric field overflow\n  Detail: precision 6, scale 2", "22003");
        assertEquals(Optional.of("ERROR: numeric field overflow"), RecordFault.of(wrapped(overflow)));
        assertTrue(RecordFault.of(wrapped(new SQLException("ERROR: date out of range", "22008"))).isPresent());
        assertTrue(RecordFault.of(wrapped(new SQLException("ERROR: null value in column", "23502"))).isPresent());
    }

    @Test
    void aBatchOfStatementsIsJudgedByTheDriversErrorForTheStatementNotByTheBatchsWrapper() {
        SQLException overflow = new SQLException("ERROR: numeric field overflow\n  Detail: precision 6, scale 2", "22003");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO session_log (load_kg)"
                + " VALUES ('12345.67') was aborted: ERROR: numeric field overflow", null, 0, new int[0]);
        batch.setNextException(overflow);
        assertEquals(Optional.of("ERROR: numeric field overflow"), RecordFault.of(wrapped(batch)));

        // a race on a unique key inside a batch stays a race, tried again
        BatchUpdateException raceOnly = new BatchUpdateException("Batch entry 3 was aborted", null, 0, new int[0]);
        raceOnly.setNextException(new SQLException("ERROR: duplicate key value", "23505"));
        assertTrue(RecordFault.of(wrapped(raceOnly)).isEmpty());
    }

    @Test
    void aFailureAddedAtTheEndOfTheTransactionIsFoundToo() {
        RuntimeException rollback = new RuntimeException("rolled back");
        rollback.addSuppressed(wrapped(new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertTrue(RecordFault.of(rollback).isPresent());
    }

    @Test
    void impossibleDatesAndArithmeticAreTheRecordsFault() {
        assertTrue(RecordFault.of(wrapped(new DateTimeException("Invalid value for Year"))).isPresent());
        assertTrue(RecordFault.of(new ArithmeticException("long overflow")).isPresent());
    }

    @Test
    void theDatabaseAwayOrALostRaceMayHealAndIsTriedAgain() {
        assertTrue(RecordFault.of(wrapped(new SQLException("connection refused", "08001"))).isEmpty());
        assertTrue(RecordFault.of(wrapped(new SQLException("terminating connection", "57P01"))).isEmpty());
        assertTrue(RecordFault.of(wrapped(new SQLTransientConnectionException("no connection in time"))).isEmpty());
        assertTrue(RecordFault.of(wrapped(new SQLException("duplicate key", "23505"))).isEmpty());
        assertTrue(RecordFault.of(wrapped(new SQLException("deadlock detected", "40P01"))).isEmpty());
        assertTrue(RecordFault.of(new IllegalStateException("broker away")).isEmpty());
    }

    @Test
    void aConsumerThatSkipsGetsTheReasonOrTheFailureBackForTheRetry() {
        assertEquals("ERROR: date out of range",
                RecordFault.reasonOrRethrow(wrapped(new SQLException("ERROR: date out of range", "22008"))));
        RuntimeException away = wrapped(new SQLException("connection refused", "08001"));
        assertSame(away, assertThrows(RuntimeException.class, () -> RecordFault.reasonOrRethrow(away)));
    }
}
