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

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
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
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        return new Postgres(builder.start());
    }

    public int port() {
        return server.getPort();
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
        server.close();
    }
}
