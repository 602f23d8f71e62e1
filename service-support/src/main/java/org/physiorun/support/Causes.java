package org.physiorun.support;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The exceptions behind a failure. Hibernate, the transaction manager and the REST layer each wrap what the
 * driver threw, so a decision about a failure looks through all of them.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure and its chain of causes, outermost first. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    /**
     * The chain of causes together with what was added to any of them as suppressed: a transaction that fails
     * at its end attaches the driver's error that way.
     */
    public static Stream<Throwable> withSuppressed(Throwable failure) {
        return of(failure).flatMap(t -> Stream.concat(Stream.of(t),
                Stream.of(t.getSuppressed()).flatMap(Causes::withSuppressed)));
    }
}
