package org.physiorun.reliability;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.physiorun.infra.KafkaNode;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.Topics;
import org.physiorun.infra.testing.Stack;
import org.physiorun.infra.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three packaged services on a PostgreSQL and a Kafka node of the test's own, which it may stop and start
 * again on the same ports and data (the servers other test classes share in this JVM are never touched).
 */
final class RestartRig implements AutoCloseable {

    static final String CLINIC = "north";
    static final String PHASE_ADVANCED = "physiorun.progression.phase-advanced";

    final Postgres postgres;
    final KafkaNode kafka;
    final Stack stack;
    final Path logDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RestartRig(Postgres postgres, KafkaNode kafka, Stack stack, Path logDir) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.stack = stack;
        this.logDir = logDir;
    }

    static RestartRig start(String name) throws Exception {
        Path dir = Path.of("target", name).toAbsolutePath();
        Postgres postgres = Postgres.start(ServiceProcess.freePort(), dir.resolve("pg-data"), dir.resolve("pg-work"));
        KafkaNode kafka = null;
        try {
            kafka = KafkaNode.start(dir.resolve("kafka"), ServiceProcess.freePort(), ServiceProcess.freePort());
            Topics.createAsContracted(kafka.bootstrapServers());
            Path logDir = dir.resolve("logs");
            return new RestartRig(postgres, kafka, Stack.start(logDir, postgres, kafka.bootstrapServers()), logDir);
        } catch (Exception e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    static String token(String athleteId) {
        return TestTokens.bearer(TestTokens.runner(athleteId, CLINIC));
    }

    HttpResponse<String> send(String service, String method, String path, String athleteId, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token(athleteId));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String service, String path, String athleteId) throws Exception {
        return send(service, "GET", path, athleteId, null);
    }

    /** Plans for new runners, whose ids are returned. */
    List<String> enrolRunners(int count) throws Exception {
        List<String> athletes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            athletes.add("runner-" + UUID.randomUUID());
            enrol(athletes.get(i));
        }
        return athletes;
    }

    /** A plan for a new athlete injured nine days ago (so the first gate's day has come); returns its id. */
    String enrol(String athleteId) throws Exception {
        String intake = """
                {"athleteId": "%s", "injuryDate": "%s", "side": "LEFT", "grade": 1, "suspectedSource": "MUSCLE",
                 "clinicianConfirmed": true, "mechanism": "SPRINTING", "timeZone": "UTC"}"""
                .formatted(athleteId, LocalDate.now(ZoneOffset.UTC).minusDays(9));
        HttpResponse<String> created = send("plan-service", "POST", "/api/plans", athleteId, intake);
        assertEquals(201, created.statusCode(), created.body());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get("progress-service", "/api/progress/" + athleteId, athleteId).statusCode() == 200);
        return JsonPath.from(created.body()).getString("planId");
    }

    /** A session body: {@code exercise} at {@code performedAt}, at the dose and without pain. */
    static String session(UUID eventId, String athleteId, String exercise, Instant performedAt) {
        return """
                {"eventId": "%s", "athleteId": "%s", "exercise": "%s", "performedAt": "%s",
                 "sets": 3, "reps": 12, "holdSeconds": 40, "painDuring": 0, "painAfter": 0, "fullRange": true}"""
                .formatted(eventId, athleteId, exercise, performedAt);
    }

    /**
     * The four sessions that open the first gate (a hold and an Extender yesterday and today), each posted until
     * it is accepted.
     */
    void openFirstGate(String athleteId) throws Exception {
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        Instant yesterday = today.minus(1, ChronoUnit.DAYS);
        Instant[] performed = {yesterday, yesterday.plus(20, ChronoUnit.MINUTES),
                today, today.plus(20, ChronoUnit.MINUTES)};
        String[] exercises = {"isometric-heel-press", "extender", "isometric-heel-press", "extender"};
        for (int i = 0; i < exercises.length; i++) {
            String body = session(UUID.randomUUID(), athleteId, exercises[i], performed[i]);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    send("progress-service", "POST", "/api/sessions", athleteId, body).statusCode() == 202);
        }
    }

    /**
     * The athlete's first gate opens, and the decision is on progression-events once (counted on the raw topic) and
     * followed by plan-service.
     */
    void assertFirstGateOpenedOnce(String athleteId, String planId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> currentPhase(athleteId, planId) == 2);
        List<String> advances = records("progression-events", athleteId, Duration.ofSeconds(5)).stream()
                .filter(event -> event.contains(PHASE_ADVANCED)).toList();
        assertEquals(1, advances.size(), "one phase-advanced on the topic: " + advances);
    }

    /** The plan's current phase as plan-service shows it. */
    int currentPhase(String athleteId, String planId) throws Exception {
        HttpResponse<String> plan = get("plan-service", "/api/plans/" + planId, athleteId);
        return plan.statusCode() == 200 ? JsonPath.from(plan.body()).getInt("currentPhase") : -1;
    }

    /** The event ids of the sessions progress-service lists for the athlete, duplicates included. */
    List<String> countedSessions(String athleteId) throws Exception {
        HttpResponse<String> sessions = get("progress-service", "/api/progress/" + athleteId + "/sessions", athleteId);
        assertEquals(200, sessions.statusCode(), sessions.body());
        return JsonPath.from(sessions.body()).getList("eventId", String.class);
    }

    /** Every record on the topic for the athlete (its key), read raw from the start of the topic for a while. */
    List<String> records(String topic, String athleteId, Duration readFor) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> events = new ArrayList<>();
            Instant until = Instant.now().plus(readFor);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (athleteId.equals(record.key())) {
                        events.add(record.value());
                    }
                }
            }
            return events;
        }
    }

    /** Sends a record to a topic as another producer would (an operator's own, a redelivery), keyed by athlete. */
    void publish(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    @Override
    public void close() throws Exception {
        try {
            stack.close();
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }
}
