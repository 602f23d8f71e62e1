package org.physiorun.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.physiorun.support.Causes;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Turns every failure into RFC 9457 problem+json, so that no client ever has to parse another error shape. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** About how long Keycloak still needs when a service is up before it. */
    private static final int IDENTITY_PROVIDER_RETRY_SECONDS = 5;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";
    /** About how long a restarting database or a connection pool under pressure takes to give connections again. */
    private static final int DATABASE_RETRY_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = respond(e.problem());
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("/problems/validation", "Invalid request", 400, detail, errors)).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(InvalidFormatException e) {
        return malformed(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(ValueInstantiationException e) {
        return malformed(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted: it is bad input, a 400.
            return respond(new Problem("/problems/validation", "Invalid request", 400,
                    "A query or path parameter has the wrong format: " + e.getCause().getMessage(), List.of())).build();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(new Problem("/problems/" + slug(title), title, status, e.getMessage(), List.of())).build();
    }

    /** No token, or one that is expired, forged or for someone else (needs proactive authentication off). */
    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem("/problems/forbidden", "Forbidden", 403,
                "Your account may not do this, or this data belongs to someone else.", List.of())).build();
    }

    /**
     * The identity provider cannot be reached to check a token: in the local run Keycloak starts beside the
     * services and takes longer, so this is a wait of seconds, not a failure of ours.
     */
    @ServerExceptionMapper(priority = 1)
    public Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("A token could not be checked: %s", e.getMessage());
        return respond(new Problem("/problems/dependency-unavailable", "Service unavailable", 503,
                "The identity provider cannot be reached to check your token yet; please try again shortly.",
                List.of())).header("Retry-After", IDENTITY_PROVIDER_RETRY_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (lostARace(e)) {
            return respond(new Problem("/problems/conflict", "Conflict", 409, "Another request changed or created the"
                    + " same data at the same moment, and nothing of this one was stored; read it again and retry.",
                    List.of())).build();
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("The database cannot be reached: %s", e.getMessage());
            return respond(new Problem("/problems/dependency-unavailable", "Service unavailable", 503,
                    "The database cannot be reached right now; please try again shortly.", List.of()))
                    .header("Retry-After", DATABASE_RETRY_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem("/problems/internal", "Internal error", 500,
                "Something went wrong on our side; it has been logged.", List.of())).build();
    }

    /**
     * True when a transaction failed only because a concurrent one got there first: a stale version (two edits of one
     * row), a unique key taken between the check and the insert, or PostgreSQL's serialization failure or deadlock.
     */
    private static boolean lostARace(Throwable e) {
        return Causes.of(e).anyMatch(cause -> cause instanceof OptimisticLockException
                || cause instanceof SQLException sql && sql.getSQLState() != null // the pool's timeout has none
                && List.of(UNIQUE_VIOLATION, SERIALIZATION_FAILURE, DEADLOCK).contains(sql.getSQLState()));
    }

    /**
     * Whether the failure is the database being away rather than a fault of ours: a connection that could not be
     * made or was lost (SQL state class 08), a server shutting down or starting up (57P01 to 57P03), or the pool
     * finding no connection in time. Whatever wraps it (Hibernate, the transaction manager), the cause says so.
     */
    private static boolean databaseUnavailable(Throwable e) {
        return Causes.of(e).anyMatch(cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && (sql.getCause() instanceof TimeoutException
                || sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))));
    }

    private static Response unauthenticated() {
        return respond(new Problem("/problems/unauthenticated", "Unauthenticated", 401,
                "Log in first: this needs a valid bearer access token from the PhysioRun realm.", List.of()))
                .header("WWW-Authenticate", "Bearer realm=\"physiorun\"").build();
    }

    private static Response malformed(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON."
                : "The value of '" + field + "' has the wrong type or format.";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail));
        return respond(new Problem("/problems/malformed-body", "Malformed request body", 400, detail, errors)).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The property path without the resource method and parameter that Bean Validation puts in front. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = "";
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
