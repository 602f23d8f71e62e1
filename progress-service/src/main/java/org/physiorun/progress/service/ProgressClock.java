package org.physiorun.progress.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.progress.repository.ProgressRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-evaluates athletes on a schedule: a gate can open with no new session, when its day arrives. Only the
 * athletes whose day has come are looked at, so the tick costs nothing most of the time.
 */
@ApplicationScoped
public class ProgressClock {

    private static final int CHUNK = 200;

    private final ProgressRepository repository;
    private final AthleteTimelines timelines;
    private final AdherenceService adherence;

    ProgressClock(ProgressRepository repository, AthleteTimelines timelines, AdherenceService adherence) {
        this.repository = repository;
        this.timelines = timelines;
        this.adherence = adherence;
    }

    @Scheduled(every = "${physiorun.progress.reevaluate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        reevaluateAll(Instant.now());
    }

    // Each athlete's adherence is looked at once a day (next_adherence_check_at): a tick usually finds no one.
    @Scheduled(every = "${physiorun.progress.reevaluate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adherenceTick() {
        adherence.watchAll(Instant.now());
    }

    /** One transaction per chunk of athletes, so that the clock never holds many rows for long. */
    public void reevaluateAll(Instant now) {
        List<UUID> plans = repository.plansDueForCheck(now);
        for (int from = 0; from < plans.size(); from += CHUNK) {
            List<UUID> chunk = plans.subList(from, Math.min(plans.size(), from + CHUNK));
            QuarkusTransaction.requiringNew().run(() -> timelines.update(repository.lockProgress(chunk), Map.of(), now));
        }
    }
}
