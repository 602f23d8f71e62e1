package org.physiorun.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A class data sharing archive of one application's JVM (Java 17's dynamic CDS), kept in a directory between runs
 * so that no build step makes it: a run without an archive writes one when its JVM exits normally (SIGTERM
 * included), later runs map it and skip loading and verifying most of their classes. The archive's name carries the
 * application jar's size and time and the Java version, so a rebuilt jar or another JDK writes a new one. The JVM
 * checks the archive itself and starts without it if it does not fit ({@code -Xshare:auto}, the default), so a
 * stale or damaged archive never stops a start.
 */
public final class ClassDataArchive {

    /** Exit codes of a JVM that ran its shutdown, and so wrote its archive: normal exit, SIGINT, SIGTERM. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);

    private final Path archive;
    private final Path writing;

    private ClassDataArchive(Path archive, Path writing) {
        this.archive = archive;
        this.writing = writing;
    }

    /**
     * The archive of {@code name} running {@code jar}, in {@code dir}: the one there is, or one this run writes.
     * Archives of earlier jars and abandoned partial ones of {@code name} are removed.
     */
    public static ClassDataArchive in(Path dir, String name, Path jar) throws IOException {
        Files.createDirectories(dir);
        String key = Integer.toHexString(List.of(Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
                Runtime.version().toString()).hashCode());
        Path archive = dir.resolve(name + "-" + key + ".jsa");
        removeStale(dir, name, archive);
        if (Files.isRegularFile(archive)) {
            return new ClassDataArchive(archive, null);
        }
        // A name of its own, so that two JVMs writing at once (tests in parallel) do not write into one file.
        Path writing = Files.createTempFile(dir, archive.getFileName() + ".", ".part");
        Files.delete(writing); // the JVM creates it at exit
        return new ClassDataArchive(archive, writing);
    }

    private static void removeStale(Path dir, String name, Path current) throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + "-*.jsa*")) {
            for (Path file : files) {
                boolean earlierJar = file.toString().endsWith(".jsa") && !file.equals(current);
                boolean abandoned = file.toString().endsWith(".part")
                        && Files.getLastModifiedTime(file).compareTo(anHourAgo) < 0;
                if (earlierJar || abandoned) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The JVM options that map the archive, or that write it at exit; quiet about classes it cannot archive. */
    public List<String> jvmOptions() {
        return writing == null
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Called once the JVM has exited: an archive it wrote on a clean exit becomes the one later runs map; one cut
     * short (killed, crashed) is thrown away.
     */
    void exited(int exitCode) {
        if (writing == null) {
            return;
        }
        try {
            if (CLEAN_EXITS.contains(exitCode) && Files.isRegularFile(writing) && Files.size(writing) > 0) {
                Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(writing);
            }
        } catch (IOException e) {
            // the next run writes another; starting without an archive is only slower
            System.err.println("Class data archive " + archive + " not kept: " + e.getMessage());
        }
    }
}
