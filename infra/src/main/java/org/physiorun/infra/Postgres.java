package org.physiorun.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the binaries that Maven brings (no Docker, no system install).
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path workDir;
    private EmbeddedPostgres server;
    private int port;

    private Postgres(Path dataDir, Path workDir) {
        this.dataDir = dataDir;
        this.workDir = workDir;
    }

    /**
     * Starts a server.
     *
     * @param port    the port, or 0 for any free one
     * @param dataDir where the cluster lives; an existing cluster there is reused, so data survives restarts
     * @param workDir where the binaries are unpacked
     */
    public static Postgres start(int port, Path dataDir, Path workDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        Postgres postgres = new Postgres(dataDir, workDir);
        postgres.launch(port);
        return postgres;
    }

    private void launch(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        server = builder.start();
        this.port = server.getPort();
    }

    /** Shuts the server down cleanly (its clients lose their connections); {@link #restart()} brings it back. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port and the same data, as an operator would. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            launch(port);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists already. */
    public void ensureDatabase(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
