package org.physiorun.system;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka as docker-compose.yml runs it requires a SCRAM login and lets each principal do exactly what the contract
 * needs of it. The broker is configured from compose's kafka service and gets its topics, users and ACLs from
 * deploy/kafka/access.sh (see {@link ComposeKafka}); the services log in with the settings compose
 * gives them. Each principal tries to write and to read every contract topic, with its own consumer group and with
 * another's; the expectations below are the contract's table, written independently of the script.
 */
class KafkaAccessIT {

    /** What a principal may do: write these topics, read these with its own group. */
    private record Rights(String user, Set<String> writes, Set<String> reads, String ownGroup, String foreignGroup) {
    }

    private static final List<Rights> CONTRACT = List.of(
            new Rights("plan-service", Set.of("plan-events"), Set.of("progression-events"),
                    "plan-service", "progress-service"),
            new Rights("progress-service", Set.of("session-events", "session-events-dlq", "progression-events"),
                    Set.of("plan-events", "session-events"), "progress-service", "plan-service"),
            new Rights("webhook-service", Set.of(), Set.of("progression-events"), "webhook-service", "plan-service"),
            // the operator's own integrations: groups named integrations-*
            new Rights("integrations", Set.of(), Set.of("progression-events"), "integrations-crm", "crm"));

    private static ComposeFile compose;
    private static ComposeKafka kafka;
    private static double readySeconds;

    @BeforeAll
    static void startTheBroker() throws Exception {
        long start = System.nanoTime();
        compose = ComposeFile.read();
        kafka = ComposeKafka.start(compose, Files.createTempDirectory(Path.of("target"), "compose-kafka"));
        readySeconds = (System.nanoTime() - start) / 1e9;
        // one record on every topic, for the readers to find
        try (KafkaProducer<String, String> producer = producer(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.superUserBootstrap()))) {
            for (String topic : Topics.CONTRACT) {
                producer.send(new ProducerRecord<>(topic, "athlete-1", "{}")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void eachPrincipalWritesAndReadsExactlyItsTopicsWithItsOwnGroup() throws Exception {
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (Rights rights : CONTRACT) {
            Map<String, Object> login = login(rights.user());
            for (String topic : Topics.CONTRACT) {
                boolean mayWrite = rights.writes().contains(topic);
                if (canWrite(login, topic) != mayWrite) {
                    wrong.add(rights.user() + (mayWrite ? " cannot" : " can") + " write " + topic);
                }
                boolean mayRead = rights.reads().contains(topic);
                if (canRead(login, topic, rights.ownGroup()) != mayRead) {
                    wrong.add(rights.user() + (mayRead ? " cannot" : " can") + " read " + topic
                            + " as group " + rights.ownGroup());
                }
                allowed += (mayWrite ? 1 : 0) + (mayRead ? 1 : 0);
                refused += (mayWrite ? 0 : 1) + (mayRead ? 0 : 1);
            }
            String readable = rights.reads().iterator().next();
            if (canRead(login, readable, rights.foreignGroup())) {
                wrong.add(rights.user() + " can read " + readable + " as group " + rights.foreignGroup());
            }
            refused++;
            assertInstanceOf(AuthorizationException.class, createTopic(login), rights.user() + " created a topic");
            refused++;
        }
        System.out.printf("FIGURES kafka-acls: principals=%d, checks=%d (allowed=%d, refused=%d), wrong=%d,"
                + " broker with access.sh ready in %.1f s%n", CONTRACT.size(), allowed + refused, allowed, refused,
                wrong.size(), readySeconds);
        assertEquals(List.of(), wrong);
    }

    @Test
    void aWrongPasswordOrNoLoginIsRefused() {
        Map<String, Object> wrongPassword = new HashMap<>(login("progress-service"));
        wrongPassword.put("sasl.jaas.config", wrongPassword.get("sasl.jaas.config").toString()
                .replaceAll("password=\"[^\"]*\"", "password=\"guessed\""));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(wrongPassword, "session-events"));
        assertInstanceOf(AuthenticationException.class, refused.getCause());

        // the plain protocol on the SASL listener: no metadata, ever
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        ExecutionException unanswered = assertThrows(ExecutionException.class, () -> send(anonymous, "session-events"));
        assertInstanceOf(TimeoutException.class, unanswered.getCause());
    }

    /** A service's settings from compose, or the integrations principal's with the password compose gives Kafka. */
    private static Map<String, Object> login(String user) {
        if (compose.builtServices().contains(user)) {
            Map<String, Object> settings = kafka.clientSettings(compose.environment(user));
            assertTrue(settings.get("sasl.jaas.config").toString().contains("username=\"" + user + "\""));
            return settings;
        }
        String password = compose.environment("kafka").get("INTEGRATIONS_KAFKA_PASSWORD");
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    private static boolean canWrite(Map<String, Object> login, String topic) throws Exception {
        try {
            send(login, topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return false;
            }
            throw e;
        }
    }

    private static void send(Map<String, Object> login, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(login)) {
            producer.send(new ProducerRecord<>(topic, "athlete-1", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the start as {@code group} and commits what it read: true once a record came. */
    private static boolean canRead(Map<String, Object> login, String topic, String group) {
        Map<String, Object> settings = new HashMap<>(login);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int partitions;
        try (Admin admin = kafka.superUser()) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return true;
                }
            }
            throw new IllegalStateException("neither a record nor a refusal from " + topic + " in 30 s");
        } catch (AuthorizationException e) {
            return false;
        }
    }

    private static Throwable createTopic(Map<String, Object> login) throws InterruptedException {
        try (Admin admin = Admin.create(login)) {
            admin.createTopics(List.of(new NewTopic("not-in-the-contract", 1, (short) 1))).all().get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> settings = new HashMap<>(login);
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }
}
