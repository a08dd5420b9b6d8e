package com.paystatus.status.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.paystatus.shared.Networks;
import java.time.Duration;

/**
 * How many public requests the application itself (not the cache) has answered for each network in
 * the current second: one counter per IPv4 /24 or IPv6 /64, kept by Caffeine for a short while and
 * bounded in number, so that made-up addresses cannot grow it. Time comes from the monotonic ticker,
 * not the application's clock: this measures elapsed time, it shows none.
 */
final class NetworkLimits {

    private static final int MAX_NETWORKS = 100_000;

    private final int perSecond;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    NetworkLimits(int perSecond, Ticker ticker) {
        this.perSecond = perSecond;
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_NETWORKS)
                .expireAfterAccess(Duration.ofSeconds(10))
                .ticker(ticker)
                .build();
    }

    /** Whether a request from {@code remoteAddress} may go to the application now. */
    boolean tryAcquire(String remoteAddress) {
        if (Networks.isLoopback(remoteAddress)) {
            return true; // health checks and the benchmark on this machine; clients come through a proxy
        }
        String network = Networks.of(remoteAddress);
        long second = ticker.read() / 1_000_000_000L;
        return windows.get(network, n -> new Window()).take(second, perSecond);
    }

    /** The requests of one network in one second. */
    private static final class Window {
        private long second = -1;
        private int count;

        synchronized boolean take(long now, int limit) {
            if (now != second) {
                second = now;
                count = 0;
            }
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }
    }
}
