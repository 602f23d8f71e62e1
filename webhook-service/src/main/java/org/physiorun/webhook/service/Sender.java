package org.physiorun.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.webhook.config.WebhookConfig;
import org.physiorun.webhook.domain.Attempt;
import org.physiorun.webhook.domain.Signature;
import org.physiorun.webhook.domain.UrlPolicy;
import org.physiorun.webhook.repository.Claim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * One attempt at one delivery: the CloudEvent as published, signed the Standard Webhooks way, POSTed with the
 * configured timeout. Redirects are not followed, and the URL is judged again first, since what its host resolves
 * to may have changed since it was registered.
 */
@ApplicationScoped
public class Sender {

    private final HttpClient http;
    private final WebhookConfig config;
    private final UrlPolicy urls;
    private final Clock clock;

    Sender(WebhookConfig config, UrlPolicy urls, Clock clock) {
        this.config = config;
        this.urls = urls;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The attempt's answer; interrupted (the service stopping), it is not an attempt and the claim runs out. */
    public Attempt send(Claim claim) throws InterruptedException {
        var refusal = urls.refusal(claim.url());
        if (refusal.isPresent()) {
            return Attempt.unanswered("not sent: " + refusal.get());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url()))
                .timeout(config.timeout())
                .header("content-type", "application/cloudevents+json")
                .header("webhook-id", claim.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signature.sign(claim.secret(), claim.eventId(), timestamp, claim.body()))
                .POST(HttpRequest.BodyPublishers.ofString(claim.body()))
                .build();
        try {
            return Attempt.answered(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return Attempt.unanswered("no answer within " + config.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return Attempt.unanswered("could not be reached: " + e);
        }
    }
}
