package org.physiorun.reliability.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The raw {@code progression-events} topic as a subscriber that does not deduplicate sees it, and what it shows:
 * redeliveries (one id again), decisions published under two ids, and each athlete's events out of the order
 * the service decided them in.
 */
public final class ProgressionTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: where it sits on the topic and the CloudEvent it holds. */
    public record Event(int partition, long offset, String athleteId, String id, String type, JsonNode data) {

        /**
         * What was decided, whatever the id: the journeys here have no regression, so each phase change, sprint level
         * and clearance happens at most once per athlete; a pain alert belongs to its session.
         */
        String decision() {
            return String.join("|", athleteId, type, text("fromPhase"), text("toPhase"), text("fromLevel"),
                    text("toLevel"), text("reason"), text("weekStart"),
                    type.endsWith("pain-ceiling-exceeded") ? text("sessionEventId") : "");
        }

        private String text(String field) {
            return data.hasNonNull(field) ? data.get(field).asText() : "";
        }
    }

    private ProgressionTopic() {
    }

    /** Every record on the topic now whose key is one of {@code athletes}, in offset order within each partition. */
    public static List<Event> read(String bootstrapServers, Predicate<String> athletes) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DrainServers.PROGRESSION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && athletes.test(record.key())) {
                        JsonNode event = json(record.value());
                        events.add(new Event(record.partition(), record.offset(), record.key(), event.get("id").asText(),
                                event.get("type").asText(), event.get("data")));
                    }
                }
            }
        }
        return events;
    }

    /**
     * The topic checked against the decisions the service stored ({@code decided}: each athlete's CloudEvent ids in
     * the order they were decided).
     *
     * @param redeliveries records whose id came before: what a deduplicating subscriber drops
     * @param failures     a decision under two ids, one id for two decisions, an id the service never decided, a
     *                     decision never published, an athlete's events on two partitions
     * @param outOfOrder   athletes whose events, first deliveries in offset order, differ from the order decided, or
     *                     whose phases or sprint levels do not follow on from one another
     */
    public record Audit(int records, int distinctIds, int redeliveries, List<String> failures, List<String> outOfOrder) {

        public static Audit of(List<Event> events, Map<String, List<String>> decided) {
            List<String> failures = new ArrayList<>();
            Map<String, Event> byId = new LinkedHashMap<>();
            Map<String, String> idByDecision = new HashMap<>();
            int redeliveries = 0;
            for (Event event : events) {
                Event first = byId.putIfAbsent(event.id(), event);
                if (first != null) {
                    redeliveries++;
                    if (!first.decision().equals(event.decision()) || first.partition() != event.partition()) {
                        failures.add("id " + event.id() + " for two decisions: " + first + " and " + event);
                    }
                    continue;
                }
                String earlier = idByDecision.putIfAbsent(event.decision(), event.id());
                if (earlier != null) {
                    failures.add("one decision under two ids " + earlier + " and " + event.id() + ": " + event.decision());
                }
            }
            Set<String> decidedIds = decided.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            byId.keySet().stream().filter(id -> !decidedIds.contains(id))
                    .forEach(id -> failures.add("on the topic but never decided: " + byId.get(id)));
            decidedIds.stream().filter(id -> !byId.containsKey(id))
                    .forEach(id -> failures.add("decided but never published: " + id));

            Map<String, List<Event>> byAthlete = byId.values().stream()
                    .collect(Collectors.groupingBy(Event::athleteId, LinkedHashMap::new, Collectors.toList()));
            byAthlete.forEach((athlete, own) -> {
                if (own.stream().map(Event::partition).distinct().count() > 1) {
                    failures.add(athlete + "'s events on more than one partition");
                }
            });
            List<String> outOfOrder = new ArrayList<>();
            decided.forEach((athlete, ids) -> {
                List<Event> own = byAthlete.getOrDefault(athlete, List.of()).stream()
                        .sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
                if (!own.stream().map(Event::id).toList().equals(ids) || !followsOn(own)) {
                    outOfOrder.add(athlete + ": " + own.stream().map(e -> e.offset() + " " + e.decision()).toList());
                }
            });
            return new Audit(events.size(), byId.size(), redeliveries, failures, outOfOrder);
        }

        /** Each phase change starts from the phase the one before it reached; each sprint level likewise. */
        private static boolean followsOn(List<Event> events) {
            String phase = "1";
            String level = null;
            for (Event event : events) {
                if (event.data().has("fromPhase")) {
                    if (!event.text("fromPhase").equals(phase)) {
                        return false;
                    }
                    phase = event.text("toPhase");
                }
                if (event.data().has("fromLevel")) {
                    if (level != null && !Objects.equals(event.text("fromLevel"), level)) {
                        return false;
                    }
                    level = event.text("toLevel");
                }
            }
            return true;
        }
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON on " + DrainServers.PROGRESSION + ": " + value, e);
        }
    }
}
