package org.physiorun.system;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.physiorun.infra.ServiceProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-node KRaft broker set up the way docker-compose.yml sets up its {@code kafka} service: the broker settings are
 * compose's {@code KAFKA_*} variables, named as the apache/kafka image names them, with the listeners moved to free
 * local ports; then deploy/kafka/access.sh runs, as the container runs it, and what it asks Kafka's tools for (topics,
 * SCRAM users, ACLs) is done through the Admin API. Nothing here repeats compose's users or rules.
 */
final class ComposeKafka implements AutoCloseable {

    static final Path ACCESS_SCRIPT = Path.of("..", "deploy", "kafka", "access.sh");

    /** The image's variables that are not broker settings. */
    private static final List<String> NOT_SETTINGS = List.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JMX_OPTS",
            "KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS");
    private static final Pattern PORT = Pattern.compile("(?<=:)(\\d{4,5})\\b");
    private static final Pattern SCRAM = Pattern.compile("(SCRAM-SHA-\\d+)=\\[password=(.*)]");

    private final KafkaRaftServer server;
    private final String clientListenerPort;
    private final String adminBootstrap;

    private ComposeKafka(KafkaRaftServer server, String clientListenerPort, String adminBootstrap) {
        this.server = server;
        this.clientListenerPort = clientListenerPort;
        this.adminBootstrap = adminBootstrap;
    }

    static ComposeKafka start(ComposeFile compose, Path dir) throws Exception {
        Map<String, String> environment = compose.environment("kafka");
        Properties settings = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_SETTINGS.contains(name)) {
                settings.put(brokerSetting(name), value);
            }
        });
        // compose's ports become free ones here, its host names this machine
        Map<Integer, Integer> ports = new HashMap<>();
        for (String key : List.of("listeners", "advertised.listeners", "controller.quorum.voters")) {
            Matcher port = PORT.matcher(settings.getProperty(key).replace("kafka:", "localhost:")
                    .replace("://:", "://localhost:"));
            StringBuilder moved = new StringBuilder();
            while (port.find()) {
                int free = ports.computeIfAbsent(Integer.parseInt(port.group()), p -> freePort());
                port.appendReplacement(moved, Integer.toString(free));
            }
            settings.put(key, port.appendTail(moved).toString());
        }
        Path logs = Files.createDirectories(dir.resolve("kafka-data"));
        settings.put("log.dirs", logs.toString());
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(Integer.parseInt(settings.getProperty("node.id")))
                .setControllerListenerName(settings.getProperty("controller.listener.names"))
                .setMetadataLogDirectory(logs.toString())
                .setDirectories(List.of(logs.toString()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings, false), Time.SYSTEM);
        server.startup();
        String clientPort = listenerPort(settings.getProperty("advertised.listeners"),
                saslListener(settings.getProperty("listener.security.protocol.map")));
        String adminPort = listenerPort(settings.getProperty("advertised.listeners"),
                settings.getProperty("inter.broker.listener.name"));
        ComposeKafka kafka = new ComposeKafka(server, clientPort, "localhost:" + adminPort);
        kafka.applyAccessScript(environment, dir);
        return kafka;
    }

    /** The apache/kafka image's naming: KAFKA_ dropped, "___" is "-", "__" is "_", "_" is ".". */
    static String brokerSetting(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase()
                .replace("___", "\u0000").replace("__", "\u0001").replace('_', '.')
                .replace('\u0000', '-').replace('\u0001', '_');
    }

    /** Where clients connect: the SASL listener. */
    String bootstrapServers() {
        return "localhost:" + clientListenerPort;
    }

    /** The broker's own loopback listener, where a client is the super user (as access.sh is). */
    String superUserBootstrap() {
        return adminBootstrap;
    }

    Admin superUser() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, adminBootstrap));
    }

    /**
     * The Kafka client setting a service's KAFKA_ variable becomes: Quarkus hands every {@code kafka*} property to the
     * Kafka clients, the rest of its name lower-cased, "_" as "." (quarkus-kafka-client's KafkaRuntimeConfigProducer).
     */
    static String kafkaClientSetting(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
    }

    /** A service's Kafka client settings from its compose environment, the bootstrap servers this broker's. */
    Map<String, Object> clientSettings(Map<String, String> serviceEnvironment) {
        Map<String, Object> settings = new HashMap<>();
        serviceEnvironment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                settings.put(kafkaClientSetting(name), value);
            }
        });
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return settings;
    }

    /**
     * Runs access.sh with stand-ins for kafka-topics.sh, kafka-configs.sh and kafka-acls.sh that write down their
     * arguments, then does what each call asked. An argument the stand-in does not know fails the test, so the
     * script cannot ask for something this broker would silently not get.
     */
    private void applyAccessScript(Map<String, String> environment, Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("kafka-tools"));
        Path calls = dir.resolve("kafka-tool-calls.tsv");
        Files.deleteIfExists(calls);
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh", "kafka-acls.sh")) {
            Path standIn = bin.resolve(tool);
            Files.writeString(standIn, "#!/bin/sh\n{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf '\\t%s' \"$a\"; done;"
                    + " printf '\\n'; } >> \"$TOOL_CALLS\"\n");
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder script = new ProcessBuilder("bash", ACCESS_SCRIPT.toString()).redirectErrorStream(true);
        script.environment().putAll(environment);
        script.environment().put("KAFKA_BIN", bin.toAbsolutePath().toString());
        script.environment().put("KAFKA_ADMIN_BOOTSTRAP", adminBootstrap);
        script.environment().put("TOOL_CALLS", calls.toAbsolutePath().toString());
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("access.sh failed: " + output);
        }
        try (Admin admin = superUser()) {
            for (String line : Files.readAllLines(calls)) {
                List<String> call = Arrays.asList(line.split("\t"));
                Map<String, List<String>> options = options(call.subList(1, call.size()));
                switch (call.get(0)) {
                    case "kafka-topics.sh" -> createTopic(admin, options);
                    case "kafka-configs.sh" -> upsertUser(admin, options);
                    case "kafka-acls.sh" -> admin.createAcls(acls(options)).all().get();
                    default -> throw new IllegalStateException("not a Kafka tool: " + call.get(0));
                }
            }
        }
    }

    private static void createTopic(Admin admin, Map<String, List<String>> options) throws Exception {
        known(options, "--bootstrap-server", "--create", "--if-not-exists", "--topic", "--partitions",
                "--replication-factor");
        NewTopic topic = new NewTopic(one(options, "--topic"), Integer.parseInt(one(options, "--partitions")),
                Short.parseShort(one(options, "--replication-factor")));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void upsertUser(Admin admin, Map<String, List<String>> options) throws Exception {
        known(options, "--bootstrap-server", "--alter", "--entity-type", "--entity-name", "--add-config");
        if (!one(options, "--entity-type").equals("users")) {
            throw new IllegalStateException("access.sh configures something other than users: " + options);
        }
        Matcher scram = SCRAM.matcher(one(options, "--add-config"));
        if (!scram.matches()) {
            throw new IllegalStateException("not a SCRAM credential: " + one(options, "--add-config"));
        }
        ScramMechanism mechanism = ScramMechanism.fromMechanismName(scram.group(1));
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(one(options, "--entity-name"),
                new ScramCredentialInfo(mechanism, 4096), scram.group(2)))).all().get();
    }

    private static List<AclBinding> acls(Map<String, List<String>> options) {
        known(options, "--bootstrap-server", "--add", "--allow-principal", "--operation", "--topic", "--group",
                "--resource-pattern-type");
        PatternType patternType = options.containsKey("--resource-pattern-type")
                ? PatternType.valueOf(one(options, "--resource-pattern-type").toUpperCase(Locale.ROOT))
                : PatternType.LITERAL;
        ResourcePattern resource = options.containsKey("--topic")
                ? new ResourcePattern(ResourceType.TOPIC, one(options, "--topic"), patternType)
                : new ResourcePattern(ResourceType.GROUP, one(options, "--group"), patternType);
        List<AclBinding> bindings = new ArrayList<>();
        for (String principal : options.get("--allow-principal")) {
            for (String operation : options.get("--operation")) {
                bindings.add(new AclBinding(resource, new AccessControlEntry(principal, "*",
                        AclOperation.valueOf(operation.toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** "--name value" pairs and lone "--flag"s, each name with every value it was given. */
    private static Map<String, List<String>> options(List<String> arguments) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            List<String> values = options.computeIfAbsent(arguments.get(i), name -> new ArrayList<>());
            if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.add(arguments.get(++i));
            }
        }
        return options;
    }

    private static void known(Map<String, List<String>> options, String... names) {
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(List.of(names));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("access.sh uses options this test does not apply: " + unknown);
        }
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.size() != 1) {
            throw new IllegalStateException("expected one " + name + " in " + options);
        }
        return values.get(0);
    }

    private static String saslListener(String protocolMap) {
        for (String entry : protocolMap.split(",")) {
            String[] listener = entry.split(":");
            if (listener[1].startsWith("SASL_")) {
                return listener[0];
            }
        }
        throw new IllegalStateException("no SASL listener in " + protocolMap);
    }

    private static String listenerPort(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener.substring(listener.lastIndexOf(':') + 1);
            }
        }
        throw new IllegalStateException("no listener " + name + " in " + listeners);
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
