package com.paystatus.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The settings under {@code paystatus.*}. The first admin's password comes from {@code
 * paystatus.admin.password}, which the environment variable {@code PAYSTATUS_ADMIN_PASSWORD} sets.
 *
 * @param zone the zone in which pages show times
 * @param recentDays how many days resolved notices stay on the front page
 * @param baseUrl the public address used in shareable links (og:url, canonical, feeds, QR codes,
 *     support replies, the Statuspage API); empty means "the request's host if it is allowed, else
 *     relative links or http://localhost:{port}" (see {@code PageLinks})
 * @param allowedHosts hosts (as in the {@code Host} header, with its port if not the scheme's default)
 *     whose requests may have links built from their own host when no base URL is set
 * @param requestBody how long and how large a request body may be
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
        @NotNull @DefaultValue List<String> allowedHosts,
        @NotNull @DefaultValue RequestBody requestBody,
        @Min(1) @Max(100) @DefaultValue("10") int frontPageResolved) {

    @ConstructorBinding
    public PayStatusProperties {}

    /** The settings with the defaults of the newer ones, for tests that build them by hand. */
    public PayStatusProperties(ZoneId zone, int recentDays, String baseUrl, DemoData demoData, Admin admin) {
        this(
                zone,
                recentDays,
                baseUrl,
                demoData,
                admin,
                List.of(),
                new RequestBody(Duration.ofSeconds(10), DataSize.ofKilobytes(256)),
                10);
    }

    /**
     * @param timeout the whole body must have arrived within this time, however it trickles in
     * @param maxSize a larger body is refused before it is read
     */
    public record RequestBody(
            @NotNull @DefaultValue("10s") Duration timeout,
            @NotNull @DefaultValue("256KB") DataSize maxSize) {}

    public record DemoData(@DefaultValue("true") boolean enabled) {}

    /**
     * @param password the first admin's password; blank means "generate one and log it once"
     * @param passwordHashCost BCrypt's cost (log2 of its rounds) for passwords stored from now on; each
     *     sign-in and each Basic-authenticated API call pays it once (cost 10 is about 70 ms of one core)
     */
    public record Admin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password,
            @Min(4) @Max(31) @DefaultValue("10") int passwordHashCost) {

        @ConstructorBinding
        public Admin {}

        public Admin(String username, String password) {
            this(username, password, 10);
        }
    }
}
