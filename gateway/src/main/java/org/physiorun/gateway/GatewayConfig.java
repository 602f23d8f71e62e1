package org.physiorun.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services are and how long the gateway waits for them. Each value can come from the environment,
 * e.g. {@code PHYSIORUN_GATEWAY_PLAN_URL=http://plan-service:8082}.
 */
@ConfigMapping(prefix = "physiorun.gateway")
public interface GatewayConfig {

    /** catalog-service: {@code /api/exercises}, {@code /api/citations}. */
    @WithDefault("http://localhost:8081")
    URI catalogUrl();

    /** plan-service: {@code /api/protocols}, {@code /api/plans}, {@code /api/calendars}. */
    @WithDefault("http://localhost:8082")
    URI planUrl();

    /** progress-service: {@code /api/sessions}, {@code /api/progress}. */
    @WithDefault("http://localhost:8083")
    URI progressUrl();

    /** webhook-service: {@code /api/webhooks}. */
    @WithDefault("http://localhost:8084")
    URI webhookUrl();

    /** How long to wait for a connection; a service that is down usually refuses at once. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long a service may stay silent before the gateway gives up with a 504. Longer than plan-service's own
     * budget for a slow catalogue (timeouts and retries), so that its 503 reaches the browser instead.
     */
    @WithDefault("15s")
    Duration responseTimeout();

    /** The seconds a client is asked to wait ({@code Retry-After}) when a service cannot be reached. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * The key of the tokens that prove a change was sent by a PhysioRun page ({@link CsrfGuard}): at least 32
     * characters, the same for every instance of the gateway, secret like a password.
     */
    String csrfSecret();
}
