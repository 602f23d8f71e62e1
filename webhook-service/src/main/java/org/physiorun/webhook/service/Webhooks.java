package org.physiorun.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.webhook.api.DeliveryView;
import org.physiorun.webhook.api.RegisteredWebhook;
import org.physiorun.webhook.api.WebhookRegistration;
import org.physiorun.webhook.api.WebhookView;
import org.physiorun.webhook.domain.EventTypes;
import org.physiorun.webhook.domain.Signature;
import org.physiorun.webhook.domain.UrlPolicy;
import org.physiorun.webhook.repository.Delivery;
import org.physiorun.webhook.repository.DeliveryRepository;
import org.physiorun.webhook.repository.Endpoint;
import org.physiorun.webhook.repository.EndpointRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A clinic's endpoints and their delivery logs. Every operation is within the caller's clinic: another clinic's
 * endpoint is not found.
 */
@ApplicationScoped
public class Webhooks {

    /** The newest deliveries a log shows. */
    static final int LOG_LENGTH = 100;
    private static final int MAX_DESCRIPTION = 500;

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final UrlPolicy urls;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(EndpointRepository endpoints, DeliveryRepository deliveries, UrlPolicy urls, Dispatcher dispatcher,
             Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.urls = urls;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Transactional
    public RegisteredWebhook register(String clinicId, WebhookRegistration registration) {
        urls.refusal(registration.url()).ifPresent(reason -> {
            throw ProblemException.invalid("url", reason);
        });
        List<String> types = Objects.requireNonNullElse(registration.eventTypes(), List.of());
        for (String type : types) {
            if (type == null || !EventTypes.ALL.contains(type)) {
                throw ProblemException.invalid("eventTypes", "not a progression event type: " + type
                        + " (one of " + String.join(", ", EventTypes.ALL) + ")");
            }
        }
        if (registration.description() != null && registration.description().length() > MAX_DESCRIPTION) {
            throw ProblemException.invalid("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        Endpoint endpoint = new Endpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.clinicId = clinicId;
        endpoint.url = registration.url();
        endpoint.description = registration.description();
        endpoint.eventTypes(types.stream().distinct().toList());
        endpoint.secret = Signature.newSecret(random);
        endpoint.enabled = true;
        endpoint.createdAt = clock.instant();
        endpoints.add(endpoint);
        return new RegisteredWebhook(endpoint.id, endpoint.url, endpoint.eventTypes(), endpoint.description,
                endpoint.enabled, endpoint.createdAt, endpoint.secret);
    }

    @Transactional
    public List<WebhookView> list(String clinicId) {
        return endpoints.ofClinic(clinicId).stream().map(Webhooks::view).toList();
    }

    @Transactional
    public WebhookView get(String clinicId, UUID id) {
        return view(endpoint(clinicId, id));
    }

    @Transactional
    public void delete(String clinicId, UUID id) {
        endpoints.remove(endpoint(clinicId, id));
    }

    @Transactional
    public List<DeliveryView> deliveries(String clinicId, UUID id) {
        return deliveries.ofEndpoint(endpoint(clinicId, id).id, LOG_LENGTH).stream().map(Webhooks::view).toList();
    }

    /** Makes the delivery due now; a disabled endpoint gets nothing until it is registered again. */
    public DeliveryView retry(String clinicId, UUID id, String eventId) {
        DeliveryView retried = dueNow(clinicId, id, eventId);
        dispatcher.wake();
        return retried;
    }

    @Transactional
    DeliveryView dueNow(String clinicId, UUID id, String eventId) {
        Endpoint endpoint = endpoint(clinicId, id);
        if (!endpoint.enabled) {
            throw ProblemException.conflict("enabled", "the endpoint is disabled (" + endpoint.disabledReason
                    + "): register its URL again to receive deliveries");
        }
        Instant now = clock.instant();
        if (!deliveries.dueNow(endpoint.id, eventId, now)) {
            throw ProblemException.notFound("no delivery of event " + eventId + " to this endpoint");
        }
        return deliveries.find(endpoint.id, eventId).map(Webhooks::view).orElseThrow();
    }

    private Endpoint endpoint(String clinicId, UUID id) {
        return endpoints.find(id, clinicId)
                .orElseThrow(() -> ProblemException.notFound("no webhook endpoint " + id + " in your clinic"));
    }

    private static WebhookView view(Endpoint e) {
        return new WebhookView(e.id, e.url, e.eventTypes(), e.description, e.enabled, e.disabledReason, e.createdAt);
    }

    private static DeliveryView view(Delivery d) {
        return new DeliveryView(d.eventId, d.type, d.athleteId, d.status.name(), d.attempts, d.lastStatusCode,
                d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt);
    }
}
