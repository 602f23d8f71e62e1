package org.physiorun.bench;

import org.physiorun.infra.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples a service's heap (from its Prometheus metrics) and resident set (from /proc) twice a second. */
final class MemorySampler {

    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\".*} ([0-9.E+]+)$");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    final AtomicLong heapMax = new AtomicLong();
    final AtomicLong rssMax = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    void watch(ServiceProcess service) {
        timer.scheduleAtFixedRate(() -> sample(service), 0, 500, TimeUnit.MILLISECONDS);
    }

    private void sample(ServiceProcess service) {
        try {
            residentBytes(service.pid()).ifPresent(rss -> rssMax.accumulateAndGet(rss, Math::max));
            String metrics = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long heap = 0;
            Matcher pools = HEAP.matcher(metrics);
            while (pools.find()) {
                heap += (long) Double.parseDouble(pools.group(1));
            }
            heapMax.accumulateAndGet(heap, Math::max);
        } catch (Exception notReadyYet) {
            // the service is starting or stopping: the next sample counts
        }
    }

    /** VmRSS of the process in bytes, from /proc; empty once it has gone. */
    static Optional<Long> residentBytes(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return rss.find() ? Optional.of(Long.parseLong(rss.group(1)) * 1024) : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
