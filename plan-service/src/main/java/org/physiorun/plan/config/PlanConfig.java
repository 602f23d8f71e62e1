package org.physiorun.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** plan-service's own settings ({@code physiorun.plan.*}). */
@ConfigMapping(prefix = "physiorun.plan")
public interface PlanConfig {

    /** The protocol an intake gets when it names none. */
    @WithDefault("hamstring-return-to-run")
    String defaultProtocol();

    /** The zone of an athlete whose intake names none; it decides which calendar day "today" is. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /**
     * What a 503 tells the client to wait before trying again while the catalogue is unavailable; about the
     * time the circuit breaker stays open.
     */
    @WithDefault("10s")
    Duration catalogueRetryAfter();
}
