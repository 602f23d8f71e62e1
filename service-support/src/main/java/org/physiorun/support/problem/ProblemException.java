package org.physiorun.support.problem;

import java.util.List;

/**
 * Thrown by services for an answer that is a problem rather than a result: a conflict, a refusal,
 * a missing dependency. The mapper turns it into problem+json with the given status.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail) {
        this(new Problem(type, title, status, detail, List.of()), null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(new Problem("/problems/conflict", "Conflict", 409, detail,
                List.of(new Problem.FieldError(field, detail))), null);
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(new Problem("/problems/validation", "Invalid reference", 422, message,
                List.of(new Problem.FieldError(field, message))), null);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem("/problems/validation", "Invalid request", 400, message,
                List.of(new Problem.FieldError(field, message))), null);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(new Problem("/problems/dependency-unavailable", "Service unavailable", 503,
                detail, List.of()), retryAfterSeconds);
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
