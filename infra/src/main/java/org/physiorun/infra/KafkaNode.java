package org.physiorun.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A one-node Kafka broker in KRaft mode (broker and controller combined), in this process, on fixed ports, with its
 * data kept in one directory: the launcher's broker, and the one the fault tests stop and start again like an
 * operator would.
 */
public final class KafkaNode implements AutoCloseable {

    private final KafkaConfig config;
    private final int brokerPort;
    private KafkaRaftServer server;

    private KafkaNode(KafkaConfig config, int brokerPort) {
        this.config = config;
        this.brokerPort = brokerPort;
    }

    /** Starts a node; the data in {@code logDir} is reused when it is there, so topics and offsets survive restarts. */
    public static KafkaNode start(Path logDir, int brokerPort, int controllerPort) throws Exception {
        Files.createDirectories(logDir);
        String dir = logDir.toAbsolutePath().toString();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dir);
        props.putAll(SingleBroker.SETTINGS);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        // Format once: formatting again would give a new cluster id, and the broker refuses its own data.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir)
                    .setDirectories(List.of(dir))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        }
        KafkaNode node = new KafkaNode(config, brokerPort);
        node.restart();
        return node;
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** Shuts the node down cleanly; {@link #restart()} brings it back on the same ports and data. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the node again after {@link #stop()}, as a restarted broker process would. */
    public synchronized void restart() {
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
