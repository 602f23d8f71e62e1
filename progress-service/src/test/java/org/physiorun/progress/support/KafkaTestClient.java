package org.physiorun.progress.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** A plain Kafka client for tests: what a clinic system or another producer would do, nothing in between. */
public final class KafkaTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void send(String topic, String key, String value) {
        sendAll(List.of(record(topic, key, value)));
    }

    public void send(String topic, byte[] key, byte[] value) {
        sendAll(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /** A structured CloudEvent, with the content-type header that plan-service's outbox puts on it. */
    public void sendCloudEvent(String topic, String key, String value) {
        sendAll(List.of(cloudEventRecord(topic, key, value)));
    }

    public static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    public static ProducerRecord<byte[], byte[]> cloudEventRecord(String topic, String key, String value) {
        ProducerRecord<byte[], byte[]> record = record(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Sends the records through one producer, in this order, and returns once the broker has acknowledged all.
     *
     * @return where each record went
     */
    public List<RecordMetadata> sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            records.forEach(record -> acks.add(producer.send(record)));
            List<RecordMetadata> written = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                written.add(ack.get());
            }
            return written;
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + records.size() + " records", e);
        }
    }

    /**
     * Every record of the topic that is there now and is wanted, read from the start to the partitions' current
     * ends: the raw topic, redeliveries included, with no waiting for records that may still come.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Whether the record's key is one of these. */
    public static Predicate<ConsumerRecord<byte[], byte[]>> keyIn(Set<String> keys) {
        return r -> r.key() != null && keys.contains(new String(r.key(), StandardCharsets.UTF_8));
    }

    /** Reads the topic from the start until {@code count} records with this key have arrived, or the time is up. */
    public List<ConsumerRecord<byte[], byte[]>> await(String topic, String key, int count, Duration timeout) {
        return await(topic, keyIn(Set.of(key)), count, timeout);
    }

    public List<ConsumerRecord<byte[], byte[]>> await(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted,
                                                      int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The values of the athlete's progression events on the topic, as JSON. */
    public List<JsonNode> progressionEvents(String athleteId, int count, Duration timeout) {
        return await("progression-events", athleteId, count, timeout).stream().map(KafkaTestClient::json).toList();
    }

    public static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
