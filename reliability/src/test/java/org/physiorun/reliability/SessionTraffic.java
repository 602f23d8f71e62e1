package org.physiorun.reliability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runners logging holds without pause from several threads, as a client that follows the contract does: a session
 * answered 503 is sent again, same eventId, until it is accepted. Remembers what was posted, accepted and refused,
 * and every other answer (which the contract does not allow here).
 */
final class SessionTraffic implements AutoCloseable {

    private final RestartRig rig;
    private final List<String> athletes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean posting = true;

    final Set<UUID> posted = ConcurrentHashMap.newKeySet();
    /** Accepted sessions by athlete. */
    final Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
    final AtomicInteger acceptedAnswers = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** When the first session was accepted after {@link #markRestart()}. */
    final AtomicReference<Instant> firstAcceptedAfterRestart = new AtomicReference<>();
    private volatile boolean restarted;

    private SessionTraffic(RestartRig rig, List<String> athletes) {
        this.rig = rig;
        this.athletes = athletes;
        athletes.forEach(a -> accepted.put(a, ConcurrentHashMap.newKeySet()));
    }

    static SessionTraffic start(RestartRig rig, List<String> athletes, int threads) {
        SessionTraffic traffic = new SessionTraffic(rig, athletes);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(traffic::post, "poster-" + i);
            traffic.threads.add(thread);
            thread.start();
        }
        return traffic;
    }

    /** From now on, the first acceptance counts as the intake's recovery. */
    void markRestart() {
        restarted = true;
    }

    private void post() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (posting) {
            String athlete = athletes.get(random.nextInt(athletes.size()));
            UUID eventId = UUID.randomUUID();
            // a hold some time in the last two days: it counts toward nothing on its own, so no gate opens
            Instant performedAt = Instant.now().minus(random.nextLong(60, 47 * 3600), ChronoUnit.SECONDS)
                    .truncatedTo(ChronoUnit.SECONDS);
            String body = RestartRig.session(eventId, athlete, "isometric-heel-press", performedAt);
            posted.add(eventId);
            while (!postOnce(athlete, eventId, body)) {
                pause();
            }
        }
    }

    /** @return whether the session was accepted */
    private boolean postOnce(String athlete, UUID eventId, String body) {
        Instant sent = Instant.now();
        try {
            HttpResponse<String> answer = rig.send("progress-service", "POST", "/api/sessions", athlete, body);
            if (answer.statusCode() == 202) {
                accepted.get(athlete).add(eventId.toString());
                acceptedAnswers.incrementAndGet();
                if (restarted) {
                    firstAcceptedAfterRestart.compareAndSet(null, Instant.now());
                }
                return true;
            }
            if (answer.statusCode() == 503) {
                refused.incrementAndGet();
                boolean problem = answer.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json");
                if (answer.headers().firstValue("Retry-After").isEmpty() || !problem) {
                    refusedWithoutRetryAfter.incrementAndGet();
                }
                return false;
            }
            unexpected(answer.statusCode() + " " + answer.body());
            return false;
        } catch (Exception e) {
            unexpected("no answer after " + RestartRig.seconds(sent, Instant.now()) + " s: " + e);
            return false;
        }
    }

    private void unexpected(String what) {
        if (unexpected.size() < 20) {
            unexpected.add(what);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops posting and checks what a runner would: every answer was 202 or a 503 problem with Retry-After, and
     * progress-service lists exactly the accepted sessions of every athlete, each once (none lost, none twice, none
     * it was never sent). Returns every row it lists.
     */
    List<String> finishAndCheck() throws InterruptedException {
        close();
        assertEquals(List.of(), unexpected, "answers other than 202 and 503");
        assertTrue(refused.get() > 0, "the intake refused while the server was away");
        assertEquals(0, refusedWithoutRetryAfter.get(), "every 503 is problem+json with Retry-After");
        List<String> counted = awaitCountedAsAccepted();
        assertEquals(Set.copyOf(counted).size(), counted.size(), "no session listed twice");
        assertEquals(acceptedCount(), counted.size());
        return counted;
    }

    private List<String> awaitCountedAsAccepted() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String athlete : athletes) {
                assertEquals(accepted.get(athlete), Set.copyOf(rig.countedSessions(athlete)), athlete);
            }
        });
        List<String> rows = new ArrayList<>();
        for (String athlete : athletes) {
            try {
                rows.addAll(rig.countedSessions(athlete));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    int acceptedCount() {
        return accepted.values().stream().mapToInt(Set::size).sum();
    }

    /** Stops posting new sessions; waits until every posted one has been accepted. */
    @Override
    public void close() throws InterruptedException {
        posting = false;
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }
}
