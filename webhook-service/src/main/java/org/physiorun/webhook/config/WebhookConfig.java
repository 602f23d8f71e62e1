package org.physiorun.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhook-service delivers; each value can come from the environment, e.g. {@code PHYSIORUN_WEBHOOKS_TIMEOUT}. */
@ConfigMapping(prefix = "physiorun.webhooks")
public interface WebhookConfig {

    /**
     * The local run's exception to the URL rules: http to a loopback address is allowed. Off everywhere else, where
     * only https to public addresses is.
     */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** How long an endpoint may take to answer before the attempt counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How long a claimed delivery stays with the instance that claimed it. Longer than the timeout: a claim that
     * runs out is taken up by any instance, which is how a crashed instance's deliveries are still made.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often due deliveries are looked for when nothing new has come in (retries coming due). */
    @WithDefault("1s")
    Duration pollEvery();

    /** How many deliveries this instance sends at the same time. */
    @WithDefault("16")
    int senders();

    /** How many of those may go to one endpoint, so that a slow one leaves the others room. */
    @WithDefault("4")
    int sendersPerEndpoint();
}
