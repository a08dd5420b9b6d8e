package com.paystatus.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address, for the login form and HTTP Basic alike. After
 * a few failures each further attempt must wait, doubling each time (1 s, 2 s, 4 s, … up to a minute); after more,
 * the account or address is locked for a while. Failures are forgotten a lock's length after the last
 * one; a successful sign-in clears its account. Kept in memory: with several instances each counts on
 * its own, which still bounds guessing to a few attempts per minute per instance.
 */
@Component
class LoginThrottle {

    record Limits(int slowAfter, int lockAfter, Duration lock) {}

    static final Limits ACCOUNT = new Limits(5, 10, Duration.ofMinutes(15));
    static final Limits ADDRESS = new Limits(10, 30, Duration.ofMinutes(15));
    private static final int MAX_TRACKED = 50_000;
    private static final long MAX_DELAY_SECONDS = 60;

    /** What happened to a key when a failure was counted. */
    enum Outcome {
        COUNTED,
        LOCKED
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws when the account or the address must wait before trying again. */
    void check(String username, String address) {
        Instant now = clock.instant();
        Optional<LoginThrottledException> refused =
                wait(accounts.get(key(username)), ACCOUNT, now).or(() -> wait(addresses.get(address), ADDRESS, now));
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /** Counts a failure; says which keys it locked, for the log. */
    Map<String, Outcome> failed(String username, String address) {
        Instant now = clock.instant();
        if (accounts.size() + addresses.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        return Map.of(
                "user/" + key(username), count(accounts, key(username), ACCOUNT, now),
                "address/" + address, count(addresses, address, ADDRESS, now));
    }

    void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** Forgets every count and lock (an admin's way out, and tests'). */
    void clear() {
        accounts.clear();
        addresses.clear();
    }

    private static Outcome count(Map<String, Failures> map, String key, Limits limits, Instant now) {
        Outcome[] outcome = {Outcome.COUNTED};
        map.compute(key, (k, f) -> {
            if (f == null || f.last.plus(limits.lock()).isBefore(now)) {
                f = new Failures();
            }
            f.count++;
            f.last = now;
            if (f.count >= limits.lockAfter() && f.lockedUntil == null) {
                f.lockedUntil = now.plus(limits.lock());
                outcome[0] = Outcome.LOCKED;
            }
            return f;
        });
        return outcome[0];
    }

    private static Optional<LoginThrottledException> wait(Failures f, Limits limits, Instant now) {
        if (f == null) {
            return Optional.empty();
        }
        synchronized (f) {
            if (f.lockedUntil != null) {
                if (now.isBefore(f.lockedUntil)) {
                    return Optional.of(new LoginThrottledException(Duration.between(now, f.lockedUntil), true));
                }
                return Optional.empty();
            }
            if (f.count >= limits.slowAfter()) {
                long delay = Math.min(MAX_DELAY_SECONDS, 1L << Math.min(20, f.count - limits.slowAfter()));
                Instant next = f.last.plusSeconds(delay);
                if (now.isBefore(next)) {
                    return Optional.of(new LoginThrottledException(Duration.between(now, next), false));
                }
            }
            return Optional.empty();
        }
    }

    private void forgetOld(Instant now) {
        accounts.values().removeIf(f -> f.last.plus(ACCOUNT.lock()).isBefore(now));
        addresses.values().removeIf(f -> f.last.plus(ADDRESS.lock()).isBefore(now));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
