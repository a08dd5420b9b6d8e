package com.paystatus.subscription;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.paystatus.shared.Networks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many subscription requests each client network (IPv4 /24, IPv6 /64) made in the last hour, so
 * that nobody can turn the form into a mail cannon; kept by Caffeine, bounded in number, per instance.
 * The per-address rule (one confirmation mail in ten minutes) is kept in the database instead.
 */
@Component
class SubscribeLimits {

    private static final int MAX_NETWORKS = 100_000;

    private final int perHour;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
            .maximumSize(MAX_NETWORKS)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    SubscribeLimits(NotifyProperties properties) {
        this.perHour = properties.subscriptionsPerHour();
    }

    boolean tryAcquire(String remoteAddress) {
        return counts.get(Networks.of(remoteAddress), n -> new AtomicInteger()).incrementAndGet() <= perHour;
    }
}
