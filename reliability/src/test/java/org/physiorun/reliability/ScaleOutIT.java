package org.physiorun.reliability;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.progress.support.Journeys;
import org.physiorun.reliability.scaleout.DrainLoad;
import org.physiorun.reliability.scaleout.DrainServers;
import org.physiorun.reliability.scaleout.ProgressFleet;
import org.physiorun.reliability.scaleout.ProgressionTopic;
import org.physiorun.reliability.scaleout.StalledRelay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out and rebalance: two packaged progress-service instances share {@code session-events} (12 partitions)
 * while 50,000 sessions of 1,000 athletes drain; one is killed (SIGKILL) while it is counting sessions and making
 * decisions, and a third joins; later a relay stalls mid-batch while decisions go on. Every session is counted once,
 * every decision is made once and published under one id, and each athlete's progression events reach the raw topic
 * in the order they were decided.
 */
class ScaleOutIT {

    private static final int ATHLETES = 1000;
    private static final int SESSIONS_PER_ATHLETE = 50;
    private static final int TOTAL = ATHLETES * SESSIONS_PER_ATHLETE;
    /** What the first 50 sessions of the long journey decide for each athlete, in order. */
    private static final List<String> DECIDED = List.of(
            "phase-advanced 1>2", "phase-advanced 2>3", "phase-advanced 3>4",
            "sprint-level-advanced 60>80", "sprint-level-advanced 80>90", "sprint-level-advanced 90>100",
            "return-to-run-cleared");

    @Test
    void twoInstancesDrainThroughAKillAndAJoinCountingAndDecidingEachThingOnce() throws Exception {
        long began = System.nanoTime();
        try (DrainServers servers = DrainServers.start();
             ProgressFleet fleet = new ProgressFleet(servers, "scaleout");
             DrainLoad load = new DrainLoad(servers.bootstrapServers(), "scale", ATHLETES)) {
            ServiceProcess a = fleet.start("a");
            ServiceProcess b = fleet.start("b");
            a.awaitReady(Duration.ofSeconds(120));
            b.awaitReady(Duration.ofSeconds(120));
            load.publishPlans(fleet);
            long plans = load.acknowledged();
            // The load arrives once both instances hold their share of the partitions.
            await().atMost(Duration.ofMinutes(1)).until(() -> fleet.sessionPartitionsOf("a").size() == 6
                    && fleet.sessionPartitionsOf("b").size() == 6);
            Set<Integer> partitionsOfA = fleet.sessionPartitionsOf("a");
            List<String> ofA = load.athletes.stream().filter(athlete -> partitionsOfA.contains(
                    BuiltInPartitioner.partitionForKey(athlete.getBytes(StandardCharsets.UTF_8), 12))).toList();
            String athletesOfA = ofA.stream().map(athlete -> "'" + athlete + "'").collect(Collectors.joining(",", "(", ")"));
            long sessionsOfA = (long) SESSIONS_PER_ATHLETE * ofA.size();
            System.out.printf("scale-out: servers, two instances and 1,000 plans ready in %.1f s%n", seconds(began));

            long drainStarted = System.nanoTime();
            CompletableFuture<List<Journeys.Session>> sent =
                    CompletableFuture.supplyAsync(() -> load.publishJourneys(SESSIONS_PER_ATHLETE));
            // Instance a is killed while it counts its share: a quarter of all sessions are counted by then.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fleet.number("SELECT count(*) FROM session_log") >= TOTAL / 4);
            a.kill();
            long killed = System.nanoTime();
            long countedAtKill = fleet.number("SELECT count(*) FROM session_log");
            long countedOfAAtKill = fleet.number("SELECT count(*) FROM session_log WHERE athlete_id IN " + athletesOfA);
            long decidedOfAAtKill = fleet.number(
                    "SELECT count(*) FROM progression_decision WHERE athlete_id IN " + athletesOfA);
            long unpublishedAtKill = fleet.number("SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
            ServiceProcess c = fleet.start("c");

            // Recovered: the killed instance's athletes have sessions counted again (by b, or by c once it joined).
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                    fleet.number("SELECT count(*) FROM session_log WHERE athlete_id IN " + athletesOfA) > countedOfAAtKill);
            double recovery = seconds(killed);

            // In the thick of the decisions (the last fifth of each journey decides five things) a relay stalls
            // mid-batch, and the drain moves on while it holds its events: the others must wait for it. It holds
            // them until an athlete of the batch has decided something more (or the drain is over), so that there
            // is a later event that must not overtake a held one.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fleet.number("SELECT count(*) FROM session_log") >= TOTAL * 84 / 100);
            int heldInStall;
            long heldAthletes;
            long decidedForHeldInStall;
            // Held events of athletes who have all decided already would leave nothing to overtake them.
            try (StalledRelay stalled = StalledRelay.take(fleet, Duration.ofSeconds(60), athletes -> {
                String in = athletes.stream().map(athlete -> "'" + athlete + "'").collect(Collectors.joining(",", "(", ")"));
                return fleet.number("SELECT count(*) FROM (SELECT athlete_id FROM progression_decision WHERE athlete_id IN "
                        + in + " GROUP BY athlete_id HAVING count(*) < " + DECIDED.size() + ") AS deciding") > 0;
            })) {
                heldInStall = stalled.held();
                heldAthletes = stalled.athletes().size();
                String held = stalled.athletes().stream().map(athlete -> "'" + athlete + "'")
                        .collect(Collectors.joining(",", "(", ")"));
                String decidedByHeld = "SELECT count(*) FROM progression_decision WHERE athlete_id IN " + held;
                long decidedForHeld = fleet.number(decidedByHeld);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() ->
                        fleet.number(decidedByHeld) > decidedForHeld
                                || fleet.number("SELECT count(*) FROM session_log") >= TOTAL);
                decidedForHeldInStall = fleet.number(decidedByHeld) - decidedForHeld;
            }
            // The stall put later decisions behind held ones: a relay that did not wait would have sent them first.
            assertTrue(decidedForHeldInStall > 0, "the athletes of the stalled batch decided nothing while it stalled");
            c.awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fleet.number("SELECT count(*) FROM session_log") >= TOTAL);
            double drain = seconds(drainStarted);
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    fleet.number("SELECT count(*) FROM outbox_message WHERE published_at IS NULL") == 0);
            // The joiner took its share.
            await().atMost(Duration.ofMinutes(1)).until(() -> fleet.sessionPartitionsOf("b").size()
                    + fleet.sessionPartitionsOf("c").size() == 12 && !fleet.sessionPartitionsOf("c").isEmpty());

            // Killed mid-drain, with decisions in flight: it had counted and decided for its athletes, and had more of both to do.
            List<Journeys.Session> sessions = sent.join();
            assertTrue(countedAtKill > 0 && countedAtKill < TOTAL, "counted at the kill: " + countedAtKill);
            assertTrue(countedOfAAtKill > 0 && countedOfAAtKill < sessionsOfA,
                    "the killed instance had counted " + countedOfAAtKill + " of its " + sessionsOfA);
            long decidedOfA = fleet.number("SELECT count(*) FROM progression_decision WHERE athlete_id IN " + athletesOfA);
            assertTrue(decidedOfAAtKill > 0 && decidedOfAAtKill < decidedOfA,
                    "the killed instance had made " + decidedOfAAtKill + " of its athletes' " + decidedOfA + " decisions");

            // Every session counted exactly once: the sessions sent, each once, and nothing dead-lettered.
            assertEquals(TOTAL, sessions.size());
            assertEquals(TOTAL, load.acknowledged() - plans, "sessions acknowledged by the broker");
            Set<String> counted = fleet.texts("SELECT CAST(event_id AS text) FROM session_log");
            assertEquals(sessions.stream().map(s -> s.eventId().toString()).collect(Collectors.toSet()), counted);
            assertEquals(TOTAL, fleet.number("SELECT count(*) FROM session_log"));
            assertEquals(0, servers.records(DrainServers.DEAD_LETTERS), "sessions dead-lettered");

            // Every decision made once, published under one id, in the order decided.
            Map<String, List<String>> decided = decidedIds(fleet);
            List<ProgressionTopic.Event> events = ProgressionTopic.read(servers.bootstrapServers(), athlete -> true);
            ProgressionTopic.Audit audit = ProgressionTopic.Audit.of(events, decided);
            assertTrue(audit.failures().isEmpty(), () -> audit.failures().size() + " failures, the first: "
                    + audit.failures().subList(0, Math.min(5, audit.failures().size())));
            assertTrue(audit.outOfOrder().isEmpty(), () -> audit.outOfOrder().size() + " athletes' events out of order,"
                    + " the first: " + audit.outOfOrder().subList(0, Math.min(5, audit.outOfOrder().size())));
            Map<String, List<String>> decisions = decisionsByAthlete(events);
            assertEquals(ATHLETES, decisions.size());
            decisions.forEach((athlete, own) -> assertEquals(DECIDED, own, athlete + "'s decisions"));
            assertEquals(ATHLETES * DECIDED.size(), audit.distinctIds());

            System.out.printf("FIGURES scale-out: sessions sent=%,d, accepted=%,d, counted=%,d, decisions=%,d, "
                            + "duplicate ids on topic=%d (redeliveries of one id; two ids for one decision=0), "
                            + "events out of order=%d, killed at counted=%,d (killed instance: %,d of %,d counted, "
                            + "%d of %d decided, %d events unpublished at the kill), relay stalled holding %d events "
                            + "of %d athletes while they made %d more decisions, drain=%.1f s, recovery after kill=%.1f s%n",
                    sessions.size(), load.acknowledged() - plans, counted.size(), audit.distinctIds(),
                    audit.redeliveries(), audit.outOfOrder().size(), countedAtKill, countedOfAAtKill, sessionsOfA,
                    decidedOfAAtKill, decidedOfA, unpublishedAtKill, heldInStall, heldAthletes, decidedForHeldInStall, drain,
                    recovery);
        }
        System.out.printf("scale-out: %.1f s in all%n", seconds(began));
    }

    /** Each athlete's decisions in the order the service stored them, as their CloudEvent ids. */
    private static Map<String, List<String>> decidedIds(ProgressFleet fleet) throws Exception {
        Map<String, List<String>> decided = new LinkedHashMap<>();
        try (Connection c = fleet.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT athlete_id, CAST(event_id AS text) FROM progression_decision ORDER BY seq")) {
            while (rs.next()) {
                decided.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return decided;
    }

    /** Each athlete's decisions on the topic, first deliveries in offset order, in words. */
    private static Map<String, List<String>> decisionsByAthlete(List<ProgressionTopic.Event> events) {
        Map<String, List<String>> byAthlete = new LinkedHashMap<>();
        events.stream().filter(distinctIds()).forEach(e -> byAthlete.computeIfAbsent(e.athleteId(), k -> new ArrayList<>())
                .add(e.type().replace("physiorun.progression.", "") + words(e)));
        return byAthlete;
    }

    private static Predicate<ProgressionTopic.Event> distinctIds() {
        Set<String> seen = new HashSet<>();
        return e -> seen.add(e.id());
    }

    private static String words(ProgressionTopic.Event e) {
        if (e.data().has("fromPhase")) {
            return " " + e.data().get("fromPhase").asText() + ">" + e.data().get("toPhase").asText();
        }
        if (e.data().has("fromLevel")) {
            return " " + e.data().get("fromLevel").asText() + ">" + e.data().get("toLevel").asText();
        }
        return "";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
