package org.physiorun.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.DrainJourney;
import org.physiorun.progress.support.Journeys;
import org.physiorun.reliability.scaleout.DrainLoad;
import org.physiorun.reliability.scaleout.DrainServers;
import org.physiorun.reliability.scaleout.ProgressFleet;
import org.physiorun.reliability.scaleout.ProgressionTopic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redelivery storm: once 200 athletes have their decisions, all 10,000 of their sessions arrive again on
 * {@code session-events} (the same eventIds, newest first, as a producer replaying its log would send them) and the
 * runners post their last session again. Nothing changes: the same sessions counted, the same decisions, nothing new
 * on the raw progression topic or in the service's own events, nothing dead-lettered; and a new session still counts.
 */
class RedeliveryStormIT {

    private static final int ATHLETES = 200;
    private static final int SESSIONS_PER_ATHLETE = 50;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tenThousandRedeliveredSessionsChangeNothingAndTheConsumerStaysLive() throws Exception {
        long began = System.nanoTime();
        try (DrainServers servers = DrainServers.start();
             ProgressFleet fleet = new ProgressFleet(servers, "redelivery");
             DrainLoad load = new DrainLoad(servers.bootstrapServers(), "storm", ATHLETES)) {
            ServiceProcess service = fleet.start("a");
            service.awaitReady(Duration.ofSeconds(120));
            load.publishPlans(fleet);
            List<Journeys.Session> sessions = load.publishJourneys(SESSIONS_PER_ATHLETE);
            awaitAllConsumed(fleet);
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    fleet.number("SELECT count(*) FROM outbox_message WHERE published_at IS NULL") == 0);
            State before = State.of(fleet, servers, load, service);
            assertEquals(sessions.size(), before.sessions().size());
            assertTrue(before.decisions().size() >= ATHLETES, "every athlete has decisions: " + before.decisions().size());
            System.out.printf("redelivery: servers, service and 10,000 sessions counted in %.1f s%n", seconds(began));

            // The storm: every session again, newest first, and each runner's last session re-posted.
            long storm = System.nanoTime();
            List<Journeys.Session> replay = new ArrayList<>(sessions);
            Collections.reverse(replay);
            load.publish(replay);
            List<Journeys.Session> reposted = sessions.subList(sessions.size() - ATHLETES, sessions.size());
            for (Journeys.Session session : reposted) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/sessions"))
                        .header("Authorization", "Bearer " + TestTokens.runner(session.athleteId(), Journeys.CLINIC))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(session.json())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode(), answer.body());
            }
            awaitAllConsumed(fleet);
            double absorbed = seconds(storm);

            // Still live: a session never seen before counts (an easy run: it decides nothing new).
            long fresh = System.nanoTime();
            Journeys.Session newSession = Journeys.session(load.athletes.get(0), load.injuryDate, "easy-run",
                    DrainJourney.LAST_DAY, LocalTime.of(20, 0));
            load.publish(List.of(newSession));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> fleet.number(
                    "SELECT count(*) FROM session_log WHERE event_id = '" + newSession.eventId() + "'") == 1);
            double newCounted = seconds(fresh);
            awaitAllConsumed(fleet);

            State after = State.of(fleet, servers, load, service);
            Set<String> expectedSessions = new HashSet<>(before.sessions());
            expectedSessions.add(newSession.eventId().toString());
            assertEquals(expectedSessions, after.sessions(), "the sessions counted");
            assertEquals(before.decisions(), after.decisions(), "the decisions stored");
            assertEquals(before.outbox(), after.outbox(), "events in the outbox");
            assertEquals(before.topic(), after.topic(), "records on the raw progression-events topic");
            assertEquals(before.served(), after.served(), "each athlete's /events");
            assertEquals(0, after.deadLetters(), "sessions dead-lettered");

            System.out.printf("FIGURES redelivery: redelivered=%,d on session-events + %d re-posted (202), "
                            + "sessions counted before=%,d after=%,d (+1 new), decisions before=%,d after=%,d, "
                            + "new on progression-events=%d, new in /events=%d, dead-lettered=%d, storm absorbed in %.1f s, "
                            + "new session counted %.2f s after it was sent%n",
                    replay.size(), reposted.size(), before.sessions().size(), after.sessions().size() - 1,
                    before.decisions().size(), after.decisions().size(), after.topic().size() - before.topic().size(),
                    after.servedCount() - before.servedCount(), after.deadLetters(), absorbed, newCounted);
        }
        System.out.printf("redelivery: %.1f s in all%n", seconds(began));
    }

    /** Every record on session-events read and committed by the group. */
    private static void awaitAllConsumed(ProgressFleet fleet) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> fleet.sessionLag() == 0);
    }

    /**
     * What the service has made of the sessions, from every side a user can look: its database, the raw topic
     * (every record, redeliveries included) and its own list of each athlete's events.
     */
    private record State(Set<String> sessions, Set<String> decisions, long outbox, List<String> topic,
                         Map<String, List<String>> served, long deadLetters) {

        static State of(ProgressFleet fleet, DrainServers servers, DrainLoad load, ServiceProcess service) throws Exception {
            Set<String> mine = Set.copyOf(load.athletes);
            List<String> topic = ProgressionTopic.read(servers.bootstrapServers(), mine::contains).stream()
                    .map(e -> e.partition() + "@" + e.offset() + " " + e.id()).toList();
            String physio = "Bearer " + TestTokens.physio(Journeys.CLINIC);
            Map<String, List<String>> served = new LinkedHashMap<>();
            for (String athlete : load.athletes) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/api/progress/" + athlete + "/events"))
                        .header("Authorization", physio).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                List<String> ids = new ArrayList<>();
                for (JsonNode event : JSON.readTree(answer.body())) {
                    ids.add(event.get("id").asText());
                }
                served.put(athlete, ids);
            }
            return new State(fleet.texts("SELECT CAST(event_id AS text) FROM session_log"),
                    fleet.texts("SELECT CAST(event_id AS text) FROM progression_decision"),
                    fleet.number("SELECT count(*) FROM outbox_message"), topic, served,
                    servers.records(DrainServers.DEAD_LETTERS));
        }

        long servedCount() {
            return served.values().stream().mapToLong(List::size).sum();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
