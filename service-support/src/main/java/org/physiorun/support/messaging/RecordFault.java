package org.physiorun.support.messaging;

import org.physiorun.support.Causes;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells a record that can never be applied from a moment when nothing can be. A value the database cannot store
 * (SQL state class 22: a number beyond its column, a date beyond PostgreSQL's calendar, a NUL in text), a row the
 * schema refuses (class 23, except a unique key taken by a concurrent writer, which is a race and heals), or a date
 * or number no arithmetic holds fails again on every try: retried, it would hold back every record behind it on its
 * partition for good. Everything else (the database or the broker away, a lost race) is worth trying again, and
 * {@link ConsumerRetry} does.
 */
public final class RecordFault {

    private static final String UNIQUE_VIOLATION = "23505";

    private RecordFault() {
    }

    /** Why the record itself cannot be applied, or empty when the failure lies elsewhere and may heal. */
    public static Optional<String> of(Throwable failure) {
        return Causes.withSuppressed(failure).filter(RecordFault::isTheRecords).findFirst().map(RecordFault::reason);
    }

    /**
     * For a consumer that skips what it cannot apply: the reason when the record is at fault; otherwise the failure
     * is thrown on, to the retry.
     */
    public static String reasonOrRethrow(RuntimeException failure) {
        return of(failure).orElseThrow(() -> failure);
    }

    private static boolean isTheRecords(Throwable cause) {
        if (cause instanceof SQLException sql) {
            String state = Objects.requireNonNullElse(sql.getSQLState(), "");
            return state.startsWith("22") || state.startsWith("23") && !state.equals(UNIQUE_VIOLATION);
        }
        return cause instanceof DateTimeException || cause instanceof ArithmeticException;
    }

    private static String reason(Throwable cause) {
        String message = Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
        // PostgreSQL adds the detail and the statement on later lines: the first says what was wrong
        return message.lines().findFirst().orElse(message).strip();
    }

}
