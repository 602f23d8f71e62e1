package org.physiorun.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a service's JVM is run by the launcher and the tests' {@code Stack}, in one place (the container images set
 * the collector and compiler in their {@code JAVA_OPTS} too). Chosen for start-up and footprint, measured with
 * bench/startup.sh: a heap the service needs, the serial collector (no GC threads to start and feed on a small
 * machine), two malloc arenas instead of one per thread, a class data archive kept between runs, and the quick
 * compiler (C1) alone, which at start-up costs progress-service about half and the others about a third less CPU
 * than tiered compilation. The gateway keeps the optimising compiler: its overhead per request is benchmarked
 * through the local run (bench/gateway.sh), and it starts quickly anyway. progress-service's throughput benchmark
 * runs it with options of its own. The native heap is trimmed every few seconds: malloc keeps what the JVM frees
 * (the compiler's arenas at start-up above all), 3-6 MiB per service after a journey.
 */
public final class ServiceJvm {

    /**
     * Heap ceilings and young generations: progress-service evaluates batches of up to 500 sessions, the others hold
     * little. The serial collector touches all of its young generation, so that is sized too, and small: what lives
     * past start-up is about 20-30 MB of old generation in every service, and a young generation of 8 MB (12 MB for
     * progress-service) instead of 16 MB (24 MB) cut the heap's resident pages after a journey by 6 MB (12 MB).
     */
    private static final Map<String, List<String>> HEAP = Map.of(
            "progress-service", List.of("-Xmx192m", "-Xmn12m"),
            "gateway", List.of("-Xmx128m", "-Xmn16m"));
    private static final List<String> DEFAULT_HEAP = List.of("-Xmx128m", "-Xmn8m");
    /** Native heap trimming came to Java 17 with 17.0.9; an earlier JVM would refuse the option. */
    private static final boolean TRIMS_NATIVE_HEAP = Runtime.version().feature() > 17 || Runtime.version().update() >= 9;
    private static final Set<String> OPTIMISING_COMPILER = Set.of("gateway");

    private ServiceJvm() {
    }

    /** The JVM options of {@code service}, without the class data archive. */
    public static List<String> options(String service) {
        List<String> options = new ArrayList<>(HEAP.getOrDefault(service, DEFAULT_HEAP));
        options.add("-XX:+UseSerialGC");
        if (!OPTIMISING_COMPILER.contains(service)) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (TRIMS_NATIVE_HEAP) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return options;
    }

    /**
     * Starts {@code service} from its fast-jar as {@link ServiceProcess#start} does, with its options and with its
     * class data archive in {@code archiveDir}, which outlives the run (the first run writes the archive at exit).
     */
    public static ServiceProcess start(String service, Path quarkusRunJar, int port, Map<String, String> env,
                                       Path archiveDir, Path log) throws IOException {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        ClassDataArchive archive = Files.isRegularFile(quarkusRunJar) // else ServiceProcess says what is missing
                ? ClassDataArchive.in(archiveDir, service, quarkusRunJar) : null;
        return ServiceProcess.start(service, quarkusRunJar, port, environment, options(service), archive, log);
    }
}
