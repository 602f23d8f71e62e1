package org.physiorun.reliability.scaleout;

import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.TestTokens;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Packaged progress-service instances of one scenario, run as processes on one database and in one consumer group,
 * and what their database holds. Each instance names its consumers after itself, so the group's assignment tells
 * which instance holds which partitions.
 */
public final class ProgressFleet implements AutoCloseable {

    private static final Path JAR = Path.of("../progress-service/target/quarkus-app/quarkus-run.jar");

    private final DrainServers servers;
    private final String jdbcUrl;
    private final String group;
    private final Path log;
    private final List<ServiceProcess> started = new ArrayList<>();

    /** Instances on a new database {@code name}, in a new consumer group of that name. */
    public ProgressFleet(DrainServers servers, String name) throws Exception {
        this.servers = servers;
        this.jdbcUrl = servers.database(name);
        this.group = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.log = Path.of("target/" + name + "-progress-service.log");
    }

    public String group() {
        return group;
    }

    /** Starts an instance; {@link ServiceProcess#awaitReady} tells when it is up. */
    public ServiceProcess start(String instance) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        for (String channel : List.of("session-events", "plan-events")) {
            String prefix = "-Dmp.messaging.incoming." + channel + ".";
            jvm.add(prefix + "group.id=" + group);
            jvm.add(prefix + "client.id=" + clientId(instance, channel));
            // a killed instance leaves the group after 6 s (the broker's minimum) instead of 45 s
            jvm.add(prefix + "session.timeout.ms=6000");
            jvm.add(prefix + "heartbeat.interval.ms=1000");
        }
        ServiceProcess service = ServiceProcess.start("progress-service " + instance, JAR, ServiceProcess.freePort(),
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                        "KAFKA_BOOTSTRAP_SERVERS", servers.bootstrapServers(),
                        // decisions come from sessions only: the clock would make them on its own schedule
                        "PHYSIORUN_PROGRESS_REEVALUATE_EVERY", "off",
                        // the tests' own tokens: a public key is used only once the empty value unsets Keycloak's URL
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                        "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                        "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER),
                jvm, log);
        started.add(service);
        return service;
    }

    /** The client id of the instance's consumer of {@code channel}, as the group's assignment shows it. */
    public static String clientId(String instance, String channel) {
        return "progress-" + instance + "-" + channel;
    }

    /**
     * The partitions of {@code session-events} that the instance holds now. It reads them with more than one consumer
     * (the channel's concurrency), each with the instance's client id and a suffix of its own.
     */
    public Set<Integer> sessionPartitionsOf(String instance) throws Exception {
        String client = clientId(instance, DrainServers.SESSIONS);
        return servers.assignment(group, DrainServers.SESSIONS).entrySet().stream()
                .filter(member -> member.getKey().startsWith(client))
                .flatMap(member -> member.getValue().stream())
                .collect(Collectors.toSet());
    }

    /** Records of {@code session-events} the instances have not committed yet. */
    public long sessionLag() throws Exception {
        return servers.lag(group, DrainServers.SESSIONS);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER);
    }

    /** The single number that {@code sql} selects. */
    public long number(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row {@code sql} selects, as text. */
    public Set<String> texts(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.stop();
        }
    }
}
