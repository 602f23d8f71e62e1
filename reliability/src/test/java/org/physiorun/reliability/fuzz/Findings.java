package org.physiorun.reliability.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The verdict on each answer, and the answers that broke the contract, grouped by endpoint, kind and status with the
 * first request of each group kept as its example: a 5xx, or a 4xx that is not a problem document whose
 * {@code status} is the answer's status and that has a {@code title}.
 */
public final class Findings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Finding> groups = new ConcurrentSkipListMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong nonProblems = new AtomicLong();
    private final AtomicLong refusedBeforeTheService = new AtomicLong();

    /** One group of bad answers: how many, and the first request and answer. */
    public record Finding(AtomicLong count, String example) {
    }

    public void check(String endpoint, Supplier<String> request, int status, String contentType, byte[] body) {
        answers.incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
            record(endpoint + " answered " + status, request, status, contentType, body);
        } else if (status >= 400 && !isProblem(status, contentType, body)) {
            nonProblems.incrementAndGet();
            record(endpoint + " answered " + status + " without a problem document", request, status, contentType, body);
        }
    }

    /**
     * Some requests never reach a service's code: the HTTP server refuses a request line longer than it reads
     * ({@code quarkus.http.limits.max-initial-line-length}, 4096 bytes) with a bare 414, and Quarkus refuses a
     * request target that is not a URI (a broken percent-encoding, a raw non-ASCII byte) with a bare 400, before any
     * route, filter or exception mapper could give a problem document. Such a request's answer is counted apart when
     * it is that bare refusal; any other answer to it is checked as usual.
     */
    public void checkRefusedBeforeTheService(int refusal, String endpoint, Supplier<String> request, int status,
                                             String contentType, byte[] body) {
        if (status == refusal && body.length == 0) {
            answers.incrementAndGet();
            refusedBeforeTheService.incrementAndGet();
        } else {
            check(endpoint, request, status, contentType, body);
        }
    }

    /** No answer at all (a timeout or a closed connection) counts as a server failure. */
    public void noAnswer(String endpoint, Supplier<String> request, Exception e) {
        answers.incrementAndGet();
        serverErrors.incrementAndGet();
        groups.computeIfAbsent(endpoint + " gave no answer (" + e.getClass().getSimpleName() + ")",
                key -> new Finding(new AtomicLong(), request.get() + " -> " + e)).count().incrementAndGet();
    }

    public static boolean isProblem(int status, String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            return problem != null && problem.path("status").isInt() && problem.path("status").asInt() == status
                    && problem.path("title").isTextual() && !problem.path("title").asText().isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void record(String key, Supplier<String> request, int status, String contentType, byte[] body) {
        groups.computeIfAbsent(key, k -> new Finding(new AtomicLong(), request.get() + " -> " + status + " ["
                        + contentType + "] " + clip(new String(body, StandardCharsets.UTF_8))))
                .count().incrementAndGet();
    }

    public static String clip(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " chars)";
    }

    public long answers() {
        return answers.get();
    }

    public long serverErrors() {
        return serverErrors.get();
    }

    public long nonProblems() {
        return nonProblems.get();
    }

    public long refusedBeforeTheService() {
        return refusedBeforeTheService.get();
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public String report() {
        return groups.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue().count() + "\n    e.g. " + e.getValue().example())
                .collect(Collectors.joining("\n"));
    }
}
