package org.physiorun.webhook.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.physiorun.webhook.config.WebhookConfig;
import org.physiorun.webhook.domain.Attempt;
import org.physiorun.webhook.repository.Claim;
import org.physiorun.webhook.repository.DeliveryRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends due deliveries: one thread claims them, whenever new ones came in or a send finished, and at least every
 * {@code poll-every} for retries coming due; a pool of senders sends them at the same time, at most
 * {@code senders-per-endpoint} to one endpoint, so that a slow or dead endpoint takes a few senders and leaves the
 * others to the rest.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryRepository deliveries;
    private final DeliveryResults results;
    private final Sender sender;
    private final WebhookConfig config;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicInteger free = new AtomicInteger();
    private ExecutorService senders;
    private Thread claimer;
    private volatile boolean running;

    Dispatcher(DeliveryRepository deliveries, DeliveryResults results, Sender sender, WebhookConfig config) {
        this.deliveries = deliveries;
        this.results = results;
        this.sender = sender;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        free.set(config.senders());
        senders = Executors.newFixedThreadPool(config.senders(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        claimer = new Thread(this::claimWhileRunning, "webhook-claimer");
        claimer.setDaemon(true);
        claimer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        claimer.join(config.timeout().toMillis());
        // Sends under way may finish and be recorded; the claims of those that do not run out for another instance.
        senders.shutdown();
        senders.awaitTermination(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void claimWhileRunning() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (running && free.get() > 0) {
                    claim().forEach(this::submit);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database away: the next poll tries again
                LOG.warnf("Could not claim deliveries: %s", e.toString());
            }
        }
    }

    @Transactional
    List<Claim> claim() {
        Map<UUID, Integer> sending = inFlight.entrySet().stream().filter(e -> e.getValue().get() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        return deliveries.claim(free.get(), config.sendersPerEndpoint(), sending, config.lease());
    }

    private void submit(Claim claim) {
        free.decrementAndGet();
        inFlight.computeIfAbsent(claim.endpointId(), id -> new AtomicInteger()).incrementAndGet();
        senders.execute(() -> {
            try {
                Attempt attempt = sender.send(claim);
                results.record(claim, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the database away while recording: the claim runs out and the delivery is sent again
                LOG.warnf("Could not record the attempt at delivery %d: %s", claim.seq(), e.toString());
            } finally {
                inFlight.get(claim.endpointId()).decrementAndGet();
                free.incrementAndGet();
                wake();
            }
        });
    }
}
