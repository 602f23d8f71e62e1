package org.physiorun.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured mode: the whole event is the Kafka record's value, so a
 * subscriber needs nothing but the value, and a replayed or dead-lettered record keeps its metadata.
 */
public record CloudEvent<T>(String specversion, UUID id, String source, String type, String subject, Instant time,
                            String datacontenttype, T data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static <T> CloudEvent<T> of(UUID id, String source, String type, String subject, Instant time, T data) {
        return new CloudEvent<>("1.0", id, source, type, subject, time, "application/json", data);
    }
}
