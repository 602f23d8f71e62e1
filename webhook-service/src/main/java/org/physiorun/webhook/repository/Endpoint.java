package org.physiorun.webhook.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A clinic's registered receiver. */
@Entity
@Table(name = "endpoint")
public class Endpoint {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public String clinicId;
    public String url;
    public String description;
    /** The chosen types separated by spaces; empty for every type (see {@link #eventTypes()}). */
    @Column(name = "event_types")
    public String eventTypes;
    public String secret;
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The event types this endpoint receives; empty for every type. */
    public List<String> eventTypes() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(" "));
    }

    public void eventTypes(List<String> types) {
        eventTypes = String.join(" ", types);
    }
}
