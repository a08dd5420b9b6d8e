package com.paystatus.shared;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link StartupWork} tries again when the database is away while an instance starts: after
 * {@code retryDelay}, then twice as long each time, never longer than {@code retryMaxDelay}.
 */
@Validated
@ConfigurationProperties("paystatus.startup")
public record StartupRetry(
        @NotNull @DefaultValue("1s") Duration retryDelay,
        @NotNull @DefaultValue("30s") Duration retryMaxDelay) {}
