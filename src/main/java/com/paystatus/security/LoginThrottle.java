package com.paystatus.security;

import com.paystatus.shared.Networks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins, for the login form and HTTP Basic alike, under three keys, so that nobody
 * can lock someone else out:
 *
 * <ul>
 *   <li>an account from one network (an IPv4 /24, an IPv6 /64): after a few failures each further
 *       attempt must wait, doubling each time (1 s, 2 s, 4 s, … up to a minute); after more, that
 *       network is locked out of that account for a while. The owner elsewhere is not;
 *   <li>a network, whatever the accounts it tries: slowed, then locked the same way;
 *   <li>an account, from every network together: a guesser spread over many networks is slowed
 *       (doubling up to a minute between attempts) but never locked, and networks the account signed
 *       in from before are exempt, so its owner still gets in.
 * </ul>
 *
 * Failures are forgotten a lock's length after the last one; a successful sign-in clears its account
 * on its network. Kept in memory: with several instances each counts on its own, which still bounds
 * guessing to a few attempts per minute per instance.
 */
@Component
class LoginThrottle {

    /** @param lockAfter failures after which the key is locked; 0 means it only ever slows down */
    record Limits(int slowAfter, int lockAfter, Duration lock) {}

    static final Limits ACCOUNT_ON_NETWORK = new Limits(5, 10, Duration.ofMinutes(15));
    static final Limits NETWORK = new Limits(10, 30, Duration.ofMinutes(15));
    static final Limits ACCOUNT = new Limits(20, 0, Duration.ofMinutes(15));
    static final Duration KNOWN_NETWORK = Duration.ofDays(30);
    private static final int MAX_TRACKED = 50_000;
    private static final int MAX_KNOWN_PER_ACCOUNT = 16;
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

    private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Failures> networks = new ConcurrentHashMap<>();
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> known = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws when this account from this address's network must wait before trying again. */
    void check(String username, String address) {
        Instant now = clock.instant();
        String account = key(username);
        String network = Networks.of(address);
        Optional<LoginThrottledException> refused = wait(pairs.get(pair(account, network)), ACCOUNT_ON_NETWORK, now)
                .or(() -> wait(networks.get(network), NETWORK, now))
                .or(() -> knows(account, network, now) ? Optional.empty() : wait(accounts.get(account), ACCOUNT, now));
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /** Counts a failure; says which keys it locked ({@code user/…}, {@code address/…}), for the log. */
    Map<String, Outcome> failed(String username, String address) {
        Instant now = clock.instant();
        if (pairs.size() + networks.size() + accounts.size() > MAX_TRACKED) {
            forgetOld(now);
        }
        String account = key(username);
        String network = Networks.of(address);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("user/" + account, count(pairs, pair(account, network), ACCOUNT_ON_NETWORK, now));
        outcomes.put("address/" + address, count(networks, network, NETWORK, now));
        count(accounts, account, ACCOUNT, now);
        return outcomes;
    }

    /** Clears the account on this network and remembers the network as one its owner uses. */
    void succeeded(String username, String address) {
        String account = key(username);
        String network = Networks.of(address);
        pairs.remove(pair(account, network));
        Instant now = clock.instant();
        known.compute(account, (k, networks) -> {
            Map<String, Instant> kept = networks == null ? new ConcurrentHashMap<>() : networks;
            kept.values().removeIf(at -> at.plus(KNOWN_NETWORK).isBefore(now));
            if (kept.size() >= MAX_KNOWN_PER_ACCOUNT && !kept.containsKey(network)) {
                kept.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .ifPresent(oldest -> kept.remove(oldest.getKey()));
            }
            kept.put(network, now);
            return kept;
        });
    }

    /** Forgets every count and lock (an admin's way out, and tests'). */
    void clear() {
        pairs.clear();
        networks.clear();
        accounts.clear();
        known.clear();
    }

    private boolean knows(String account, String network, Instant now) {
        Map<String, Instant> networks = known.get(account);
        Instant at = networks == null ? null : networks.get(network);
        return at != null && !at.plus(KNOWN_NETWORK).isBefore(now);
    }

    private static Outcome count(Map<String, Failures> map, String key, Limits limits, Instant now) {
        Outcome[] outcome = {Outcome.COUNTED};
        map.compute(key, (k, f) -> {
            if (f == null || f.last.plus(limits.lock()).isBefore(now)) {
                f = new Failures();
            }
            f.count++;
            f.last = now;
            if (limits.lockAfter() > 0 && f.count >= limits.lockAfter() && f.lockedUntil == null) {
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
            if (f.count >= limits.slowAfter() && !f.last.plus(limits.lock()).isBefore(now)) {
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
        Stream.of(pairs, networks, accounts)
                .forEach(map -> map.values()
                        .removeIf(f -> f.last.plus(Duration.ofMinutes(15)).isBefore(now)));
        known.values().removeIf(networks -> {
            networks.values().removeIf(at -> at.plus(KNOWN_NETWORK).isBefore(now));
            return networks.isEmpty();
        });
    }

    private static String pair(String account, String network) {
        return account + "\n" + network;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
