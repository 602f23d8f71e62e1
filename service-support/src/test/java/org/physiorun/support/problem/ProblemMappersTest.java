package org.physiorun.support.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("could not execute query", new RuntimeException("JDBC", cause));
    }

    @Test
    void aPoolWithNoConnectionToGiveInTimeIsAWaitOfSecondsNotAFailureOfOurs() {
        // Agroal's acquisition timeout: an SQLException with no SQL state, caused by a TimeoutException
        SQLException noConnection = new SQLException("Acquisition timeout while waiting for new connection",
                (String) null, new TimeoutException());
        Response response = mappers.unexpected(wrapped(noConnection));
        assertEquals(503, response.getStatus());
        assertEquals("5", String.valueOf(response.getHeaderString("Retry-After")));
        assertEquals("/problems/dependency-unavailable", ((Problem) response.getEntity()).type());
    }

    @Test
    void aUniqueKeyTakenByAConcurrentRequestIsAConflictToRetry() {
        Response response = mappers.unexpected(wrapped(new SQLException("ERROR: duplicate key value", "23505")));
        assertEquals(409, response.getStatus());
        assertEquals("/problems/conflict", ((Problem) response.getEntity()).type());
    }

    @Test
    void aDatabaseErrorWithoutAStateThatIsNotAboutConnectionsIsOurs() {
        Response response = mappers.unexpected(wrapped(new SQLException("something else", (String) null)));
        assertEquals(500, response.getStatus());
    }
}
