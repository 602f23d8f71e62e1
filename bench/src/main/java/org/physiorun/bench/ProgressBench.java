package org.physiorun.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.DrainJourney;
import org.physiorun.progress.support.Journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures progress-service on this machine with a real PostgreSQL and Kafka:
 * <ol>
 *   <li>drain: N valid sessions already on {@code session-events}, counted from a standing start;</li>
 *   <li>floor: a plain consumer that batch-inserts the same records into PostgreSQL with no logic;</li>
 *   <li>latency: sessions posted at a fixed rate, from the 202 to the progression event on the topic,
 *       over the sessions that open a gate;</li>
 *   <li>heap and resident memory of the service, sampled through both runs.</li>
 * </ol>
 */
public final class ProgressBench {

    private static final String PLAN = "plan-events";
    private static final String SESSIONS = "session-events";
    private static final String PROGRESSION = "progression-events";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PHASE_ONE = List.of("isometric-heel-press", "extender");

    private ProgressBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int athletes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int perAthlete = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int latencyAthletes = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int total = athletes * perAthlete;

        Postgres postgres = RealServers.postgres();
        postgres.ensureDatabase("progress");
        postgres.ensureDatabase("floor");
        String bootstrap = RealServers.kafkaBootstrapServers();
        int port = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("progress"),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_LOG_CATEGORY__ORG_PHYSIORUN__LEVEL", "ERROR",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
        List<String> jvm = List.of("-Xmx512m");
        Path log = Path.of("target/bench-progress-service.log");
        Files.deleteIfExists(log);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144), new StringSerializer(), new StringSerializer())) {

            LocalDate injured = LocalDate.now(ZoneOffset.UTC).minusDays(DrainJourney.LAST_DAY);
            ServiceProcess service = ServiceProcess.start("progress-service", jar, port, env, jvm, log);
            service.awaitReady(Duration.ofSeconds(90));
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < athletes; a++) {
                String athlete = "bench-" + a;
                ids.add(athlete);
                producer.send(new ProducerRecord<>(PLAN, athlete, planCreated(athlete, injured)));
            }
            producer.flush();
            awaitCount(postgres.jdbcUrl("progress"), "athlete_plan", athletes, Duration.ofMinutes(2));
            service.stop();

            // The whole load waits on the topic before the service starts again.
            for (DrainJourney.Slot slot : DrainJourney.of(perAthlete)) {
                for (String athlete : ids) {
                    producer.send(new ProducerRecord<>(SESSIONS, athlete, slot.of(athlete, injured).json()));
                }
            }
            producer.flush();
            System.out.printf("loaded: %,d sessions for %,d athletes on %s%n", total, athletes, SESSIONS);

            MemorySampler memory = new MemorySampler();
            service = ServiceProcess.start("progress-service", jar, port, env, jvm, log);
            long started = System.nanoTime();
            memory.watch(service);
            Drain drain = drain(postgres.jdbcUrl("progress"), total, started);
            System.out.printf("drain: %,d sessions in %.2f s from the first one counted = %,.0f sessions/s"
                            + " (%.2f s from process start, including JVM start and group join)%n",
                    total, drain.seconds(), total / drain.seconds(), (drain.endNanos() - started) / 1e9);

            double floorSeconds = floor(postgres.jdbcUrl("floor"), bootstrap, total);
            System.out.printf("floor: plain consumer + batch insert, %,d records in %.2f s = %,.0f records/s%n",
                    total, floorSeconds, total / floorSeconds);
            System.out.printf("ratio: progress-service runs at %.0f%% of the floor%n",
                    100 * (total / drain.seconds()) / (total / floorSeconds));

            // The same run once unmeasured, so that the intake's code paths are compiled before they are timed.
            latency(producer, service, postgres.jdbcUrl("progress"), bootstrap, latencyAthletes, "warmup-");
            latency(producer, service, postgres.jdbcUrl("progress"), bootstrap, latencyAthletes, "latency-");
            memory.stop();
            System.out.printf("memory (progress-service, -Xmx512m): heap used max %,d MiB, resident max %,d MiB%n",
                    memory.heapMax.get() >> 20, memory.rssMax.get() >> 20);
            service.stop();
        }
        System.exit(0);
    }

    record Drain(double seconds, long endNanos) {
    }

    private static Drain drain(String jdbcUrl, int total, long started) throws Exception {
        long first = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER)) {
            while (true) {
                long counted = count(c, "session_log");
                long now = System.nanoTime();
                if (counted > 0 && first == 0) {
                    first = now;
                }
                if (counted >= total) {
                    return new Drain((now - first) / 1e9, now);
                }
                if (now - started > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("only " + counted + " of " + total + " counted after 10 minutes");
                }
                Thread.sleep(50);
            }
        }
    }

    /** The same records read by a plain consumer and batch-inserted, with no logic at all. */
    private static double floor(String jdbcUrl, String bootstrap, int total) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", Postgres.USER, Postgres.USER);
             Statement ddl = c.createStatement();
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "floor-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                     new StringDeserializer(), new StringDeserializer())) {
            ddl.execute("CREATE TABLE IF NOT EXISTS floor_session (athlete_id TEXT, payload JSONB)");
            c.setAutoCommit(false);
            consumer.subscribe(List.of(SESSIONS));
            long first = 0;
            int seen = 0;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO floor_session (athlete_id, payload) VALUES (?, CAST(? AS jsonb))")) {
                while (seen < total) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        continue;
                    }
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    for (ConsumerRecord<String, String> r : records) {
                        insert.setString(1, r.key());
                        insert.setString(2, r.value());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    consumer.commitSync();
                    seen += records.count();
                }
            }
            return (System.nanoTime() - first) / 1e9;
        }
    }

    /**
     * New athletes on day 11 post their phase-1 work through the REST intake at 200 sessions/s: an Isometric Hold
     * and an Extender done yesterday, and the same two today (the Extender counts once a day, so the two days are
     * needed); the fourth session of each opens the gate to phase 2. Latency: from its 202 to its event on the topic.
     */
    private static void latency(KafkaProducer<String, String> producer, ServiceProcess service, String jdbcUrl,
                                String bootstrap, int athletes, String prefix) throws Exception {
        LocalDate injured = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < athletes; a++) {
            String athlete = prefix + a + "-" + UUID.randomUUID().toString().substring(0, 8);
            ids.add(athlete);
            producer.send(new ProducerRecord<>(PLAN, athlete, planCreated(athlete, injured)));
        }
        producer.flush();
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER)) {
            while (count(c, "athlete_plan WHERE athlete_id LIKE '" + prefix + "%'") < athletes) {
                Thread.sleep(100);
            }
        }
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> announced = new ConcurrentHashMap<>();
        CountDownLatch listening = new CountDownLatch(1);
        Thread listener = new Thread(() -> listen(bootstrap, announced, listening, athletes), "bench-listener");
        listener.start();
        listening.await();

        // Each athlete's sessions, in the order that opens the gate with the last one; interleaved across athletes.
        // Yesterday's pair is exactly a day before today's, so the two Extender sessions fall on two dates.
        Instant now = Instant.now();
        List<Post> posts = new ArrayList<>();
        // each runner logs their own sessions, with a token signed the way the service's tests sign theirs
        Map<String, String> tokens = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            for (String athlete : ids) {
                String exercise = PHASE_ONE.get(round % 2);
                UUID eventId = UUID.randomUUID();
                Instant at = now.minus(Duration.ofDays(round < 2 ? 1 : 0))
                        .minus(Duration.ofMinutes(10L * (2 - round % 2)));
                posts.add(new Post(eventId, sessionJson(eventId, athlete, exercise, at, null),
                        tokens.computeIfAbsent(athlete, id -> TestTokens.bearer(TestTokens.runner(id, "bench")))));
            }
        }
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(posts.size());
        AtomicLong failures = new AtomicLong();
        long periodMicros = 1_000_000 / 200;
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            pacer.schedule(() -> HTTP.sendAsync(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/sessions"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", post.token())
                            .POST(HttpRequest.BodyPublishers.ofString(post.json())).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 202) {
                            failures.incrementAndGet();
                        } else {
                            accepted.put(post.eventId().toString(), System.nanoTime());
                        }
                        done.countDown();
                    }), i * periodMicros, TimeUnit.MICROSECONDS);
        }
        done.await(5, TimeUnit.MINUTES);
        pacer.shutdown();
        listener.join(TimeUnit.SECONDS.toMillis(60));

        // The session that opened each gate is the one the event names (normally the athlete's fourth).
        List<Double> millis = new ArrayList<>();
        announced.forEach((sessionId, seen) -> {
            Long at = accepted.get(sessionId);
            if (at != null) {
                millis.add(Math.max(0, seen - at) / 1e6);
            }
        });
        Collections.sort(millis);
        if (prefix.startsWith("warmup")) {
            System.out.printf("warm-up: %d sessions posted at 200/s, not measured%n", posts.size());
            return;
        }
        System.out.printf("latency: %d sessions posted at 200/s (%d refused); %d of %d athletes advanced;"
                        + " 202 -> event on %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                posts.size(), failures.get(), millis.size(), athletes, PROGRESSION,
                percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), percentile(millis, 100));
        breakdown(jdbcUrl, accepted, announced);
    }

    /** Where the time goes, from the service's own timestamps: medians of each leg, in ms. */
    private static void breakdown(String jdbcUrl, Map<String, Long> accepted, Map<String, Long> announced)
            throws Exception {
        long wallMillis = System.currentTimeMillis();
        long nanos = System.nanoTime();
        List<Double> queued = new ArrayList<>();
        List<Double> decided = new ArrayList<>();
        List<Double> delivered = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER);
             PreparedStatement legs = c.prepareStatement("""
                     SELECT CAST(s.event_id AS text), s.received_at, o.published_at FROM session_log s
                     JOIN progression_decision d ON d.session_event_id = s.event_id
                     JOIN outbox_message o ON o.event_id = d.event_id
                     WHERE s.event_id = ANY (CAST(? AS uuid[])) AND o.published_at IS NOT NULL""")) {
            legs.setArray(1, c.createArrayOf("text", announced.keySet().toArray()));
            try (ResultSet rs = legs.executeQuery()) {
                while (rs.next()) {
                    Long at = accepted.get(rs.getString(1));
                    if (at == null) {
                        continue;
                    }
                    double acceptedAt = wallMillis - (nanos - at) / 1e6;
                    double seenAt = wallMillis - (nanos - announced.get(rs.getString(1))) / 1e6;
                    double counted = rs.getTimestamp(2).getTime();
                    double published = rs.getTimestamp(3).getTime();
                    queued.add(counted - acceptedAt);
                    decided.add(published - counted);
                    delivered.add(seenAt - published);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT received_at), "
                     + "EXTRACT(EPOCH FROM max(received_at) - min(received_at)) FROM session_log WHERE athlete_id LIKE 'latency-%'")) {
            rs.next();
            System.out.printf("latency phase: %d sessions counted in %d consumer batches over %.1f s%n",
                    rs.getLong(1), rs.getLong(2), rs.getDouble(3));
        }
        Collections.sort(queued);
        Collections.sort(decided);
        Collections.sort(delivered);
        System.out.printf("latency legs (medians): 202 -> counted by the consumer %.1f ms; counted -> event"
                        + " published from the outbox %.1f ms; published -> seen by a subscriber %.1f ms%n",
                percentile(queued, 50), percentile(decided, 50), percentile(delivered, 50));
    }

    record Post(UUID eventId, String json, String token) {
    }

    private static final Pattern SESSION_EVENT_ID = Pattern.compile("\"sessionEventId\":\"([0-9a-f-]+)\"");

    private static void listen(String bootstrap, Map<String, Long> announced, CountDownLatch listening, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PROGRESSION));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            listening.countDown();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (announced.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    long at = System.nanoTime();
                    if (r.value().contains("phase-advanced")) {
                        Matcher m = SESSION_EVENT_ID.matcher(r.value());
                        if (m.find()) {
                            announced.putIfAbsent(m.group(1), at);
                        }
                    }
                }
            }
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long count(Connection c, String tableAndFilter) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tableAndFilter)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitCount(String jdbcUrl, String table, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.USER)) {
            while (count(c, table) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(table + " did not reach " + expected);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String sessionJson(UUID eventId, String athlete, String exercise, Instant at, Integer intensity) {
        return ("{\"eventId\":\"%s\",\"athleteId\":\"%s\",\"exercise\":\"%s\",\"performedAt\":\"%s\",\"sets\":4,"
                + "\"reps\":12,\"holdSeconds\":45,\"distanceMetres\":60,\"efforts\":8,\"intensityPercent\":%s,"
                + "\"painDuring\":0,\"painAfter\":0,\"fullRange\":true,\"tightness\":false}")
                .formatted(eventId, athlete, exercise, at, intensity);
    }

    private static String planCreated(String athlete, LocalDate injured) {
        return Journeys.planCreated(UUID.randomUUID(), UUID.randomUUID(), athlete, injured);
    }
}
