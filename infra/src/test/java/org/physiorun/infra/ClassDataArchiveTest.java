package org.physiorun.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive as a service's runs meet it, with a real JVM ({@code java -version} stands in for the service): the
 * first run writes it, the next one maps it, a damaged one does not stop a start, and a rebuilt jar gets a new one.
 */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstCleanRunWritesTheArchiveAndTheNextOneMapsIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "stands in for the service's jar");
        Path archives = dir.resolve("class-data");

        ClassDataArchive first = ClassDataArchive.in(archives, "svc", jar);
        assertTrue(first.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), first.jvmOptions().toString());
        first.exited(run(first));
        List<Path> written = files(archives);
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).getFileName().toString().matches("svc-[0-9a-f]+\\.jsa"), written.toString());

        ClassDataArchive second = ClassDataArchive.in(archives, "svc", jar);
        assertEquals("-XX:SharedArchiveFile=" + written.get(0), second.jvmOptions().get(0));
        assertEquals(0, run(second));
    }

    @Test
    void aDamagedArchiveDoesNotStopAStart() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "stands in for the service's jar");
        Path archives = dir.resolve("class-data");
        Path archive = writtenByACleanRun(archives, jar);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        assertEquals(0, run(ClassDataArchive.in(archives, "svc", jar)));
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "stands in for the service's jar");
        Path archives = dir.resolve("class-data");
        Path old = writtenByACleanRun(archives, jar);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ClassDataArchive rebuilt = ClassDataArchive.in(archives, "svc", jar);
        assertTrue(rebuilt.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="),
                rebuilt.jvmOptions().toString());
        assertTrue(Files.notExists(old), "the earlier jar's archive is removed");
    }

    @Test
    void aRunThatDidNotExitCleanlyLeavesNoArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "stands in for the service's jar");
        Path archives = dir.resolve("class-data");
        ClassDataArchive killed = ClassDataArchive.in(archives, "svc", jar);
        run(killed);
        killed.exited(137);

        assertEquals(List.of(), files(archives));
        assertTrue(ClassDataArchive.in(archives, "svc", jar).jvmOptions().get(0)
                .startsWith("-XX:ArchiveClassesAtExit="), "the next run writes one");
    }

    /** The archive a first run of {@code jar} wrote at its clean exit. */
    private static Path writtenByACleanRun(Path archives, Path jar) throws Exception {
        ClassDataArchive first = ClassDataArchive.in(archives, "svc", jar);
        first.exited(run(first));
        return files(archives).get(0);
    }

    /** {@code java -version} with the archive's options; its exit code. */
    private static int run(ClassDataArchive archive) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(archive.jvmOptions());
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        return java.exitValue();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
