package org.physiorun.support.messaging;

import org.physiorun.support.Causes;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * Why the record itself cannot be applied, or empty when the failure lies elsewhere and may heal. The innermost
     * cause is looked at first: a batch of statements fails as a BatchUpdateException that names the batch entry
     * (with the values) and may carry a state of its own, while the driver's error for the statement, its cause or
     * next exception, says what was wrong.
     */
    public static Optional<String> of(Throwable failure) {
        List<Throwable> outermostFirst = Causes.withSuppressed(failure).flatMap(RecordFault::withNext).toList();
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            if (isTheRecords(outermostFirst.get(i))) {
                return Optional.of(reason(outermostFirst.get(i)));
            }
        }
        return Optional.empty();
    }

    /**
     * For a consumer that skips what it cannot apply: the reason when the record is at fault; otherwise the failure
     * is thrown on, to the retry.
     */
    public static String reasonOrRethrow(RuntimeException failure) {
        return of(failure).orElseThrow(() -> failure);
    }

    /** An SQL exception followed by the ones chained to it as next (one per failed statement of a batch). */
    private static Stream<Throwable> withNext(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return Stream.of(cause);
        }
        return Stream.concat(Stream.of(sql), Stream.iterate(sql.getNextException(),
                next -> next != null && next != sql, SQLException::getNextException));
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
