package org.physiorun.progress.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.physiorun.progress.config.ProgressConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Writes raw records (sessions from the REST intake, rejected records to the dead-letter topic). */
@ApplicationScoped
public class KafkaSender {

    private final KafkaProducer<byte[], byte[]> producer;

    /** @param kafka every {@code kafka.*} setting, credentials included, as the messaging channels get them */
    KafkaSender(@Identifier("default-kafka-broker") Map<String, Object> kafka, ProgressConfig progress) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(Map.of(
                // While the broker is away, send() itself may wait for the topic's metadata: no longer than the
                // intake waits for an acknowledgement (the default is a minute, past any client's patience).
                ProducerConfig.MAX_BLOCK_MS_CONFIG, progress.publishTimeout().toMillis(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "progress-service-sender"));
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Hands the record to the producer; the future completes, on the producer's own thread, once the broker has
     * acknowledged it, or fails with the reason it did not. Waiting on it is the caller's choice.
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(metadata);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
