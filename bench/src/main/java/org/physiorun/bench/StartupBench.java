package org.physiorun.bench;

import org.physiorun.launcher.Launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the local run twice in a fresh data directory and prints, beside the targets: the time from
 * launching the launcher jar to everything ready, each service's own start time, and each service's resident memory
 * after a short journey; then each service's start when it is restarted by itself while the rest keeps running
 * (printed, not in the RESULT line, whose start is the one of the local run). The first start unpacks and builds
 * Keycloak and initialises PostgreSQL, which a developer pays once; it is printed but the figures come from the second
 * start, the one every later {@code ./run.sh} makes.
 * Last line: {@code RESULT start_max=<ms> rss_max=<MiB> stack_up=<ms>}.
 */
public final class StartupBench {

    private static final double START_TARGET_SECONDS = 1.5;
    private static final long RSS_TARGET_BYTES = 200_000_000; // 200 MB, about 191 MiB
    private static final long STACK_UP_TARGET_MS = 12_000;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Duration timeout = Duration.ofMinutes(5);

        try (LocalRun first = LocalRun.start(repo, dataDir, timeout)) {
            System.out.printf("first start (fresh data directory: unpacks and builds Keycloak, initialises"
                    + " PostgreSQL): %,d ms to everything ready; not the figure below%n", first.upMillis());
        }
        double startMax = 0;
        long rssMax = 0;
        long stackUp;
        try (LocalRun run = LocalRun.start(repo, dataDir, timeout)) {
            stackUp = run.upMillis();
            LocalRun.journey();
            for (Map.Entry<String, Integer> service : Launcher.servicePorts().entrySet()) {
                String name = service.getKey();
                Optional<Double> started = run.startedSeconds(name);
                Optional<Long> rss = run.residentBytes(name);
                System.out.printf("%-16s start %s s (target <= %.1f s), resident after the journey %s MiB"
                                + " (target <= 200 MB = %.0f MiB)%n", name,
                        started.map(s -> "%.3f".formatted(s)).orElse("?"), START_TARGET_SECONDS,
                        rss.map(b -> Long.toString(b >> 20)).orElse("?"), RSS_TARGET_BYTES / 1048576.0);
                startMax = Math.max(startMax, started.orElse(0.0));
                rssMax = Math.max(rssMax, rss.orElse(0L));
            }
            // The starts above share two cores with four other services, Keycloak and the broker, all starting too.
            for (String name : Launcher.servicePorts().keySet()) {
                Optional<Double> alone = run.restartedAloneSeconds(name, timeout);
                System.out.printf("%-16s restarted by itself, the rest of the local run up: start %s s"
                                + " (target <= %.1f s)%n", name, alone.map(s -> "%.3f".formatted(s)).orElse("?"), START_TARGET_SECONDS);
            }
        }
        System.out.printf("stack_up: %,d ms from launching the launcher jar to every service and Keycloak ready"
                + " (target <= %,d ms)%n", stackUp, STACK_UP_TARGET_MS);
        System.out.printf("RESULT start_max=%.0f rss_max=%d stack_up=%d%n", startMax * 1000, rssMax >> 20, stackUp);
        System.exit(0);
    }
}
