package org.physiorun.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;
import org.physiorun.progress.support.KafkaTestClient;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service is killed (SIGKILL) while many athletes cross their gates at once, so that some decisions are
 * on the topic, some are stored but not yet published and some not yet made; sessions keep arriving while it is down
 * and many are redelivered. After a restart nothing is lost and no decision is made twice: on the raw topic every
 * decision has exactly one CloudEvent id (the same id may come again, and the figure says how often).
 */
class ProgressRestartIT {

    private static final String TOPIC = "progression-events";
    private static final int ATHLETES = 150;
    /** Decisions seen on the topic before the kill: enough to show the relay at work, few of the many coming. */
    private static final int KILL_AFTER = 10;

    private final List<ServiceProcess> started = new ArrayList<>();
    private final KafkaTestClient kafka = new KafkaTestClient(RealServers.kafkaBootstrapServers());

    private ServiceProcess start(int port) throws Exception {
        ServiceProcess service = ServiceProcess.start("progress-service", Path.of("target/quarkus-app/quarkus-run.jar"),
                port, Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", RealServers.postgres().jdbcUrl(RealServers.DATABASE),
                        "KAFKA_BOOTSTRAP_SERVERS", RealServers.kafkaBootstrapServers(),
                        "PHYSIORUN_PROGRESS_REEVALUATE_EVERY", "off",
                        // the tests' own tokens: a public key is used only once the empty value unsets Keycloak's URL
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                        "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                        "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER),
                // the killed instance leaves the consumer groups after 10 s instead of 45 s
                List.of("-Xmx256m", "-Dmp.messaging.incoming.session-events.session.timeout.ms=10000",
                        "-Dmp.messaging.incoming.plan-events.session.timeout.ms=10000"),
                Path.of("target/restart-it.log"));
        started.add(service);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.stop();
        }
    }

    @Test
    void aCrashWhileDecisionsAreBeingPublishedLosesNothingAndDecidesNothingTwice() throws Exception {
        int port = ServiceProcess.freePort();
        ServiceProcess first = start(port);
        RestAssured.port = port;
        List<AthleteJourney> athletes = IntStream.range(0, ATHLETES).mapToObj(i -> new AthleteJourney(45)).toList();
        Set<String> athleteIds = athletes.stream().map(a -> a.athleteId).collect(Collectors.toSet());
        Predicate<ConsumerRecord<byte[], byte[]>> ours = KafkaTestClient.keyIn(athleteIds);
        kafka.sendAll(athletes.stream().map(AthleteJourney::planCreatedRecord).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> column("SELECT athlete_id FROM athlete_plan", athleteIds).size() == ATHLETES);

        // Phases 1 and 2 for everyone, athlete after athlete: two decisions each, made batch after batch.
        Map<AthleteJourney, List<Journeys.Session>> phasesOneAndTwo = new LinkedHashMap<>();
        athletes.forEach(athlete -> phasesOneAndTwo.put(athlete, athlete.phasesOneAndTwo()));
        List<ProducerRecord<byte[], byte[]>> beforeKill = new ArrayList<>();
        phasesOneAndTwo.forEach((athlete, sessions) -> sessions.forEach(s -> beforeKill.add(athlete.record(s))));
        kafka.sendAll(beforeKill);
        kafka.await(TOPIC, ours, KILL_AFTER, Duration.ofSeconds(120));
        first.kill();

        // Where the kill caught the service (it is dead: the topic and the database hold still).
        int decisionsBeforeKill = 2 * ATHLETES;
        List<ConsumerRecord<byte[], byte[]>> onTopicAtKill = kafka.readAll(TOPIC, ours);
        Set<String> publishedAtKill = onTopicAtKill.stream().map(ProgressRestartIT::id).collect(Collectors.toSet());
        Set<String> decidedAtKill = new HashSet<>(column("SELECT event_id::text FROM progression_decision", athleteIds));
        Set<String> unmarkedAtKill = new HashSet<>(column(
                "SELECT event_id::text FROM outbox_message WHERE published_at IS NULL", athleteIds, "message_key"));
        long ackedButUnmarked = unmarkedAtKill.stream().filter(publishedAtKill::contains).count();
        long decidedNotPublished = unmarkedAtKill.size() - ackedButUnmarked;
        long notYetDecided = decisionsBeforeKill - decidedAtKill.size();
        Map<String, Long> publishedPerAthlete = onTopicAtKill.stream().collect(Collectors.groupingBy(
                r -> KafkaTestClient.json(r).get("subject").asText(), Collectors.mapping(ProgressRestartIT::id,
                        Collectors.collectingAndThen(Collectors.toSet(), ids -> (long) ids.size()))));
        long athletesAllPublished = publishedPerAthlete.values().stream().filter(n -> n == 2).count();
        long athletesPending = ATHLETES - athletesAllPublished;
        assertTrue(!publishedAtKill.isEmpty() && publishedAtKill.size() < decisionsBeforeKill,
                "the kill lands while decisions are being published: " + publishedAtKill.size() + " of "
                        + decisionsBeforeKill + " on the topic");
        assertTrue(athletesAllPublished > 0 && athletesPending > 0, "at the kill some athletes' decisions are out ("
                + athletesAllPublished + ") and others' still pending (" + athletesPending + ")");
        assertTrue(decidedNotPublished + notYetDecided > 0, "decisions still to make or to publish at the kill");

        // While it is down: phase 3 for everyone, and a producer redelivering the first half's phases 1 and 2.
        List<ProducerRecord<byte[], byte[]>> whileDown = new ArrayList<>();
        athletes.forEach(athlete -> athlete.phaseThree().forEach(s -> whileDown.add(athlete.record(s))));
        athletes.subList(0, ATHLETES / 2).forEach(athlete ->
                phasesOneAndTwo.get(athlete).forEach(s -> whileDown.add(athlete.record(s))));
        kafka.sendAll(whileDown);

        long restartedAt = System.nanoTime();
        start(port);
        int decisions = 3 * ATHLETES;
        await().atMost(Duration.ofSeconds(180)).until(() ->
                column("SELECT event_id::text FROM progression_decision", athleteIds).size() == decisions
                        && column("SELECT event_id::text FROM outbox_message WHERE published_at IS NULL", athleteIds,
                        "message_key").isEmpty());
        double recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;

        // The raw topic, every copy: whatever was re-sent, each decision has one id.
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.readAll(TOPIC, ours);
        Map<String, Set<String>> idsPerDecision = new LinkedHashMap<>();
        Map<String, List<String>> firstSeenPerAthlete = new LinkedHashMap<>();
        Set<String> distinctIds = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : raw) {
            JsonNode event = KafkaTestClient.json(record);
            String athlete = event.get("subject").asText();
            String decision = athlete + " " + event.get("type").asText() + " " + event.at("/data/fromPhase").asText()
                    + "->" + event.at("/data/toPhase").asText();
            idsPerDecision.computeIfAbsent(decision, d -> new HashSet<>()).add(id(record));
            if (distinctIds.add(id(record))) {
                firstSeenPerAthlete.computeIfAbsent(athlete, a -> new ArrayList<>()).add(decision.substring(athlete.length() + 1));
            }
        }
        long differentIdDuplicates = idsPerDecision.values().stream().mapToLong(ids -> ids.size() - 1).sum();
        int sameIdRedeliveries = raw.size() - distinctIds.size();
        int sessions = beforeKill.size() + ATHLETES * athletes.get(0).phaseThree().size();
        System.out.printf("FIGURES progress restart: athletes=%d, sessions sent=%d (+%d redelivered), decisions=%d;"
                        + " at the kill: published=%d, acked but unmarked=%d, stored not published=%d, not yet decided=%d;"
                        + " raw topic records=%d, same-id redeliveries=%d, different-id duplicates=%d, recovery=%.1f s%n",
                ATHLETES, sessions, whileDown.size() - ATHLETES * athletes.get(0).phaseThree().size(), decisions,
                publishedAtKill.size(), ackedButUnmarked, decidedNotPublished, notYetDecided, raw.size(),
                sameIdRedeliveries, differentIdDuplicates, recoverySeconds);

        assertEquals(0, differentIdDuplicates, "no decision under two ids");
        assertEquals(decisions, idsPerDecision.size(), "every decision on the topic");
        assertEquals(decisions, distinctIds.size());
        List<String> journey = List.of("physiorun.progression.phase-advanced 1->2",
                "physiorun.progression.phase-advanced 2->3", "physiorun.progression.phase-advanced 3->4");
        firstSeenPerAthlete.forEach((athlete, seen) -> assertEquals(journey, seen, athlete + "'s decisions in order"));
        assertEquals(sessions, column("SELECT event_id::text FROM session_log", athleteIds).size(),
                "every session counted, none lost");
        // The service's own list agrees with what a deduplicating subscriber keeps.
        for (AthleteJourney athlete : athletes.subList(0, 5)) {
            List<String> ids = raw.stream().filter(KafkaTestClient.keyIn(Set.of(athlete.athleteId)))
                    .map(ProgressRestartIT::id).distinct().toList();
            athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/events").then().statusCode(200)
                    .body("id", equalTo(ids));
        }
    }

    private static String id(ConsumerRecord<byte[], byte[]> record) {
        return KafkaTestClient.json(record).get("id").asText();
    }

    private static List<String> column(String select, Set<String> athleteIds) throws SQLException {
        return column(select, athleteIds, "athlete_id");
    }

    /** The first column of {@code select}, limited to the test's athletes by {@code athleteColumn}. */
    private static List<String> column(String select, Set<String> athleteIds, String athleteColumn) throws SQLException {
        String sql = select + (select.contains(" WHERE ") ? " AND " : " WHERE ") + athleteColumn + " = ANY (?)";
        try (Connection c = DriverManager.getConnection(RealServers.postgres().jdbcUrl(RealServers.DATABASE),
                Postgres.USER, Postgres.USER);
             PreparedStatement query = c.prepareStatement(sql)) {
            query.setArray(1, c.createArrayOf("varchar", athleteIds.toArray()));
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
