package org.physiorun.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.outbox.CloudEvent;
import org.physiorun.outbox.Outbox;
import org.physiorun.progress.events.ProgressionEventData;
import org.physiorun.progress.service.ProgressionAnnouncer;

/** Announces on {@code progression-events}, keyed by athlete, through the transactional outbox. */
@ApplicationScoped
public class OutboxProgressionAnnouncer implements ProgressionAnnouncer {

    static final String TOPIC = "progression-events";

    private final Outbox outbox;

    OutboxProgressionAnnouncer(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void announce(CloudEvent<ProgressionEventData> event) {
        outbox.add(TOPIC, event.subject(), event);
    }
}
