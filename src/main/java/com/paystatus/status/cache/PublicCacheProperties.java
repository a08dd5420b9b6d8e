package com.paystatus.status.cache;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings under {@code paystatus.cache.*}: how much the public page cache keeps of the pages
 * that are not in the snapshot, and how much one network may ask of the application itself.
 *
 * @param maxVariants how many pages outside the snapshot (a page and filter of the history, an old
 *     notice, a channel's availability for some number of days) are kept at most, each language
 *     counted apart; once full, a new one is kept when it is asked for more often than the one it
 *     would push out
 * @param uncachedPerSecond how many public requests one network (an IPv4 /24, an IPv6 /64) may make
 *     per second that the cache cannot answer from kept bytes; more get a 429. Loopback is not
 *     counted
 */
@Validated
@ConfigurationProperties("paystatus.cache")
record PublicCacheProperties(
        @Min(1) @Max(1_000_000) @DefaultValue("2000") int maxVariants,
        @Min(1) @Max(1_000_000) @DefaultValue("20") int uncachedPerSecond) {}
