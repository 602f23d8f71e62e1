package org.physiorun.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak, run as a child process from its Maven distribution ({@code org.keycloak:keycloak-quarkus-dist},
 * zip): no Docker, nothing preinstalled. The launcher runs the local identity provider with it; the login tests
 * start the same server the same way.
 *
 * <p>The zip comes from Maven: a module copies the managed artifact to a fixed path with the
 * maven-dependency-plugin's {@code copy} goal, as the launcher's pom does
 * ({@code launcher/target/keycloak/keycloak-quarkus-dist.zip}, at {@code package}). A test module does the same
 * into its own {@code target/keycloak/} in a phase before its tests run (e.g. {@code process-test-resources}):
 * <pre>{@code
 * <artifactItem>
 *   <groupId>org.keycloak</groupId><artifactId>keycloak-quarkus-dist</artifactId>
 *   <version>${keycloak.version}</version><type>zip</type>
 *   <destFileName>keycloak-quarkus-dist.zip</destFileName>
 * </artifactItem>
 * }</pre>
 *
 * <p>Layout under {@code home}: the distribution, unpacked and built once, in a directory named like the zip's
 * top directory (e.g. {@code keycloak-26.7.3}), so a new version unpacks beside the old one; and, unless the
 * caller puts it elsewhere, the H2 database in {@code home/database}, outside the distribution so that it
 * survives an upgrade; and the JVM's class data archive in {@code home/class-data} ({@link ClassDataArchive}).
 * Tests share one unpacked home across modules and runs ({@link #sharedHome()}) and give each run a fresh
 * database directory, so each run imports the realm file as it is now.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "physiorun";
    /** The first administrator of the master realm, for the admin console of a local run. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-demo";

    /**
     * Build-time options. No health endpoints: they would bind the management port 9000, which a second Keycloak
     * (or anything else) may hold; readiness is the realm's discovery document instead.
     */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    /** Written last into a built distribution: a directory without it is not (completely) ours. */
    private static final String BUILT_MARKER = ".physiorun-built";


    private final int port;
    private final Process process;
    private final Path log;
    private final ClassDataArchive archive;

    private Keycloak(int port, Process process, Path log, ClassDataArchive archive) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.archive = archive;
    }

    /** Starts Keycloak with its database in {@code home/database}, kept between runs (the local run). */
    public static Keycloak start(Path distZip, Path home, int port, Path realmFile, Path log) throws IOException,
            InterruptedException {
        return start(distZip, home, home.resolve("database"), port, realmFile, log);
    }

    /**
     * Starts Keycloak on {@code 127.0.0.1:port}, unpacking and building the distribution under {@code home} first
     * if that has not been done, with its H2 database in {@code database}. The realm file is imported when the
     * database does not have the realm yet (a fresh directory: every time). Output, including that of the
     * one-off build, is appended to {@code log}. Returns at once; {@link #awaitReady} waits for the realm.
     */
    public static Keycloak start(Path distZip, Path home, Path database, int port, Path realmFile, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IOException("The realm file " + realmFile + " is missing");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path dist = unpacked(distZip, home.toAbsolutePath(), log);

        // --import-realm reads every file in data/import: only this one, so a shared home imports what this run asks.
        Path imports = Files.createDirectories(dist.resolve("data/import"));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(imports)) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        Files.createDirectories(database);
        ProcessBuilder builder = kcSh(dist, log, "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                // One issuer whatever address a request came in on: the browser's and the services' are the same.
                "--hostname=http://localhost:" + port,
                // The properties Keycloak gives its own dev-file URL: a column is called VALUE, and the database
                // closes with Keycloak's connection pool, not earlier in a shutdown hook of its own.
                "--db-url=jdbc:h2:file:" + database.toAbsolutePath().resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0",
                // One node: the default clustered cache would bind cluster ports and look for other Keycloaks.
                "--cache=local",
                "--import-realm");
        // Only read when the master realm is created, i.e. on a fresh database; an operator's own values win.
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Added to kc.sh's own options (its heap, -Xms64m -Xmx512m outside a container, stays): C1 only, which
        // compiles less at start-up, and a class data archive of the built distribution, written when the first run
        // stops and mapped by the later ones.
        ClassDataArchive archive = ClassDataArchive.in(home.toAbsolutePath().resolve("class-data"),
                dist.getFileName().toString(), dist.resolve(BUILT_MARKER));
        List<String> append = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        append.addAll(archive.jvmOptions());
        builder.environment().putIfAbsent("JAVA_OPTS_APPEND", kcShOptions(append));
        return new Keycloak(port, builder.start(), log, archive);
    }

    /**
     * JVM options as kc.sh takes them from its environment: it splits them the way xargs does, so each space, quote
     * or backslash inside an option (a data directory with a space in its path) is kept there by a backslash.
     */
    private static String kcShOptions(List<String> options) {
        return options.stream().map(option -> option.replaceAll("[\\s'\"\\\\]", "\\\\$0"))
                .collect(Collectors.joining(" "));
    }

    /** Where tests keep the unpacked, built distribution, shared by every module and run on this machine. */
    public static Path sharedHome() {
        return Path.of(System.getProperty("java.io.tmpdir"), "physiorun-keycloak");
    }

    /**
     * The built distribution under {@code home}, unpacked and built now if needed. The work happens in a
     * temporary directory renamed into place at the end, so an interrupted run or a concurrent one never leaves
     * a half-built distribution behind that a later run would trust.
     */
    private static Path unpacked(Path distZip, Path home, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distZip)) {
            throw new IOException(distZip + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        try (ZipFile zip = new ZipFile(distZip.toFile())) {
            String top = topDirectory(zip);
            Path dist = home.resolve(top);
            String marker = String.join(" ", BUILD_OPTIONS);
            if (isBuilt(dist, marker)) {
                return dist;
            }
            Files.createDirectories(home);
            removeAbandoned(home, top);
            Path partial = Files.createTempDirectory(home, top + ".partial-");
            try {
                extract(zip, top, partial);
                List<String> build = new ArrayList<>(List.of("build"));
                build.addAll(BUILD_OPTIONS);
                Process process = kcSh(partial, log, build.toArray(String[]::new)).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    destroyTree(process);
                    throw new IOException("Building Keycloak took over 5 minutes; its log: " + log);
                }
                if (process.exitValue() != 0) {
                    throw new IOException("Building Keycloak failed with code " + process.exitValue() + "; its log: " + log);
                }
                Files.writeString(partial.resolve(BUILT_MARKER), marker);
                if (!isBuilt(dist, marker)) { // else a concurrent first run was quicker: theirs will do
                    if (Files.exists(dist)) {
                        deleteTree(dist); // built with other options, or not by us
                    }
                    try {
                        Files.move(partial, dist);
                    } catch (FileAlreadyExistsException concurrentRunWasFirst) {
                        // the same zip, built the same way: theirs will do
                    }
                }
            } finally {
                if (Files.exists(partial)) {
                    deleteTree(partial);
                }
            }
            return dist;
        }
    }

    private static boolean isBuilt(Path dist, String marker) throws IOException {
        return Files.isRegularFile(dist.resolve(BUILT_MARKER)) && Files.readString(dist.resolve(BUILT_MARKER)).equals(marker);
    }

    private static String topDirectory(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException(zip.getName() + " is empty");
        }
        String first = entries.nextElement().getName();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IOException(zip.getName() + " is not a Keycloak distribution (no top directory)");
        }
        return first.substring(0, slash);
    }

    private static void extract(ZipFile zip, String top, Path target) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (!entry.getName().startsWith(top + "/")) {
                throw new IOException("Unexpected entry outside " + top + "/: " + entry.getName());
            }
            Path path = target.resolve(entry.getName().substring(top.length() + 1)).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("Entry escapes the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else {
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path);
                }
            }
        }
        // Zip entries carry no file modes here; an operator may want the admin scripts (kcadm.sh) too.
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(target.resolve("bin"), "*.sh")) {
            for (Path script : scripts) {
                script.toFile().setExecutable(true);
            }
        }
    }

    /** Partial directories an interrupted run left behind; an hour is far longer than unpacking and building. */
    private static void removeAbandoned(Path home, String top) throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(home, top + ".partial-*")) {
            for (Path partial : partials) {
                if (Files.getLastModifiedTime(partial).compareTo(anHourAgo) < 0) {
                    deleteTree(partial);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code bin/kc.sh} through {@code sh} (no file mode needed), on this JVM's Java, output appended to the log. */
    private static ProcessBuilder kcSh(Path dist, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", dist.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // kc.sh runs $JAVA when set, else $JAVA_HOME/bin/java, else java on the PATH
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code http://localhost:PORT}, the address of the login pages and of the admin console. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, which is also the services' and the gateway's {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Waits until the realm's discovery document answers 200, or fails naming the log. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        ChildProcesses.awaitOk(process, "Keycloak (realm " + REALM + ")",
                URI.create(issuer() + "/.well-known/openid-configuration"), timeout, log);
    }

    /** Stops Keycloak (SIGTERM, which kc.sh passes on to its Java process), and kills it if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        destroyTree(process);
        if (!process.isAlive()) {
            archive.exited(process.exitValue());
        }
    }

    private static void destroyTree(Process process) throws InterruptedException {
        // kc.sh runs Java as its child: remember it before the script goes, so that it cannot outlive us
        List<ProcessHandle> descendants = process.descendants().toList();
        ChildProcesses.stop(process);
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> child).join();
            }
        }
    }
}
