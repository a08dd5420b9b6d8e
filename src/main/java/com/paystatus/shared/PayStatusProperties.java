package com.paystatus.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings under {@code paystatus.*}. The first admin's password comes from {@code
 * paystatus.admin.password}, which the environment variable {@code PAYSTATUS_ADMIN_PASSWORD} sets.
 *
 * @param zone the zone in which pages show times
 * @param recentDays how many days resolved notices stay on the front page
 * @param baseUrl the public address used in shareable links; empty means "from the request"
 * @param frontPageResolved how many of those resolved notices the front page lists at most; the
 *     rest are a link away, in the history
 */
@Validated
@ConfigurationProperties("paystatus")
public record PayStatusProperties(
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @Min(1) @Max(365) @DefaultValue("14") int recentDays,
        @DefaultValue("") String baseUrl,
        @NotNull @DefaultValue DemoData demoData,
        @NotNull @DefaultValue Admin admin,
        @Min(1) @Max(100) @DefaultValue("10") int frontPageResolved) {

    public record DemoData(@DefaultValue("true") boolean enabled) {}

    /** @param password the first admin's password; blank means "generate one and log it once" */
    public record Admin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password) {}
}
