package org.physiorun.infra;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service run as a child process from its Quarkus fast-jar, as an operator would run it.
 * The launcher starts the system with it; tests use it to restart a service for real.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final ClassDataArchive archive;

    private ServiceProcess(String name, int port, Process process, Path log, ClassDataArchive archive) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.archive = archive;
    }

    /**
     * Starts {@code java -jar <quarkus-run.jar>} with the given configuration (as environment variables,
     * the way containers get theirs) and output appended to {@code log}.
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, int port, Map<String, String> env,
                                       List<String> jvmOptions, Path log) throws IOException {
        return start(name, quarkusRunJar, port, env, jvmOptions, null, log);
    }

    /** As {@link #start(String, Path, int, Map, List, Path)}, with a class data archive (null for none). */
    static ServiceProcess start(String name, Path quarkusRunJar, int port, Map<String, String> env,
                                List<String> jvmOptions, ClassDataArchive archive, Path log) throws IOException {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IOException(quarkusRunJar + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (archive != null) {
            command.addAll(archive.jvmOptions());
        }
        command.add("-jar");
        command.add(quarkusRunJar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log, archive);
    }

    /** A port nobody listens on right now, for a service started by a test. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails naming the service's log. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        ChildProcesses.awaitOk(process, name, URI.create(baseUrl() + "/q/health/ready"), timeout, log);
    }

    /** Stops the service as an operator would (SIGTERM), and kills it if it does not stop in time. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        ChildProcesses.stop(process);
        exited();
    }

    /** Kills the service without letting it shut down cleanly, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        exited();
    }

    private void exited() {
        if (archive != null && !process.isAlive()) {
            archive.exited(process.exitValue());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
