package org.physiorun.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "physiorun.progress")
public interface ProgressConfig {

    /** How far in the future a session may claim to have been performed (clocks run a little fast). */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How often every athlete is re-evaluated (a Quarkus scheduler period such as {@code 1m}, or {@code off}). */
    @WithDefault("1m")
    String reevaluateEvery();

    /** How long the intake waits for Kafka to acknowledge a posted session before answering 503. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    /** Below this percentage of the prescribed sessions over the last seven days, adherence-low is published. */
    @WithDefault("50")
    int adherenceLowBelow();
}
