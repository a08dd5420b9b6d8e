package com.paystatus.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings under {@code paystatus.notify.*}; SMTP itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param sender the From address of every mail
 * @param allowPrivateTargets lets webhooks reach loopback and private addresses (tests, private networks)
 * @param poll how often every instance looks for notifications and deliveries left by others
 * @param lease how long a claimed delivery is held before another instance may take it over
 * @param batch how many deliveries one claim takes
 * @param threads how many deliveries are sent at once
 * @param subscriptionsPerHour how many subscription requests one client network may make per hour
 */
@Validated
@ConfigurationProperties("paystatus.notify")
record NotifyProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DefaultValue("PayStatus <noreply@localhost>")
        String sender,

        @DefaultValue("false") boolean allowPrivateTargets,
        @NotNull @DefaultValue("1s") Duration poll,
        @NotNull @DefaultValue("60s") Duration lease,
        @Min(1) @Max(5000) @DefaultValue("800") int batch,
        @Min(1) @Max(64) @DefaultValue("8") int threads,
        @Min(1) @DefaultValue("20") int subscriptionsPerHour) {}
