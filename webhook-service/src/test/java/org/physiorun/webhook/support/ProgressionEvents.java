package org.physiorun.webhook.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.physiorun.infra.testing.RealServers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Progression CloudEvents shaped like progress-service's, put on the real broker's progression-events. */
public final class ProgressionEvents {

    private ProgressionEvents() {
    }

    /** A phase advance of {@code athleteId} of {@code clinicId}, with a fresh id. */
    public static String phaseAdvanced(String athleteId, String clinicId) {
        return event(UUID.randomUUID().toString(), "physiorun.progression.phase-advanced", athleteId, clinicId,
                "\"fromPhase\": 1, \"toPhase\": 2");
    }

    public static String event(String id, String type, String athleteId, String clinicId, String fields) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/physiorun/progress-service", "type": "%s",
                 "subject": "%s", "time": "2026-12-01T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"athleteId": "%s", "planId": "%s", "clinicId": "%s", "criteria": [],
                          "decidedAt": "2026-12-01T10:00:00Z", %s}}"""
                .formatted(id, type, athleteId, athleteId, UUID.randomUUID(), clinicId, fields);
    }

    /** The CloudEvent's id, as the tests put it in. */
    public static String idOf(String event) {
        return event.substring(event.indexOf("\"id\": \"") + 7, event.indexOf("\", \"source\""));
    }

    /** Publishes the events keyed by athlete, in this order, once the broker has them all. */
    public static void publish(String athleteId, String... events) {
        publish(List.of(events).stream().map(e -> new ProducerRecord<>("progression-events", athleteId, e)).toList());
    }

    public static void publish(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + records.size() + " events", e);
        }
    }
}
