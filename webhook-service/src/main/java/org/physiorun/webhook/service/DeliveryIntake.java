package org.physiorun.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.support.messaging.ProcessedEvents;
import org.physiorun.webhook.events.ProgressionEvent;
import org.physiorun.webhook.repository.DeliveryRepository;
import org.physiorun.webhook.repository.EndpointRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a progression event into one delivery per enabled endpoint of the athlete's clinic that wants its type, in
 * one transaction with the record of its id: an event read twice (a redelivery, a restart) is taken in once.
 */
@ApplicationScoped
public class DeliveryIntake {

    private final ProcessedEvents processed;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryIntake(ProcessedEvents processed, EndpointRepository endpoints, DeliveryRepository deliveries,
                   Dispatcher dispatcher, Clock clock) {
        this.processed = processed;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void takeIn(ProgressionEvent event) {
        if (store(event)) {
            dispatcher.wake();
        }
    }

    /** True when the event made deliveries. */
    @Transactional
    boolean store(ProgressionEvent event) {
        if (!processed.firstTime(event.id()) || event.clinicId() == null) {
            return false;
        }
        Instant now = clock.instant();
        var receivers = endpoints.receiving(event.clinicId(), event.type());
        for (UUID endpoint : receivers) {
            deliveries.enqueue(endpoint, event.id(), event.athleteId(), event.type(), event.body(), now);
        }
        return !receivers.isEmpty();
    }
}
