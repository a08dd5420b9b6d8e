package com.paystatus.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.paystatus.shared.Networks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Decides whether a report counts: once per browser per channel per window (a signed cookie that
 * holds only its expiry and a signature, no id), and at most {@code per-network} times per network
 * (the /24 of an IPv4 address, the /48 of an IPv6 one) per channel per window. Networks are known
 * only by a keyed hash whose key is random, held in memory and replaced every day (UTC), so no
 * address is kept and yesterday's hashes cannot be matched to anything.
 */
@Component
class ReportGate {

    static final String COOKIE_PREFIX = "ps_reported_";

    /** What happened to a report. */
    enum Outcome {
        COUNTED,
        /** This browser reported this channel within the window. */
        ALREADY_REPORTED,
        /** Its network reported this channel as often as it may within the window. */
        NETWORK_LIMIT
    }

    private final byte[] cookieKey;
    private final ReportProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Day day;

    /** One day's network key and the budgets counted under it. */
    private record Day(LocalDate date, byte[] key, Cache<Long, AtomicInteger> budgets) {}

    /**
     * How many networks' budgets are held (about 100 bytes each); past it the least used are
     * forgotten first, which a flood of fresh networks cannot turn into more than their own budgets.
     */
    static final int MAX_BUDGETS = 200_000;

    ReportGate(ReportProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.cookieKey = properties.cookieKey().isBlank()
                ? randomKey()
                : properties.cookieKey().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a report of a channel counts, given the browser's cookie for it (or null) and the
     * client's address; a counted report uses up one of its network's budget.
     */
    Outcome admit(String slug, String cookie, String address) {
        return admit(slug, cookie, address, () -> false);
    }

    /**
     * As {@link #admit(String, String, String)}, but a network past its budget is let through once
     * more when {@code solvedChallenge} says the client solved a proof-of-work challenge (asked only
     * then, so that it costs nothing below the limit).
     */
    Outcome admit(String slug, String cookie, String address, java.util.function.BooleanSupplier solvedChallenge) {
        long now = clock.millis() / 1000;
        if (cookie != null && validCookie(slug, cookie, now)) {
            return Outcome.ALREADY_REPORTED;
        }
        Day today = today();
        // a keyed hash of the network and the channel, 64 bits of it: the key is today's, memory only
        long network = ByteBuffer.wrap(hmac(today.key(), wideNetwork(address) + "|" + slug))
                .getLong();
        AtomicInteger used = today.budgets().get(network, k -> new AtomicInteger());
        if (used.incrementAndGet() > properties.perNetwork() && !solvedChallenge.getAsBoolean()) {
            return Outcome.NETWORK_LIMIT;
        }
        return Outcome.COUNTED;
    }

    /** The cookie's name for a channel. */
    static String cookieName(String slug) {
        return COOKIE_PREFIX + slug;
    }

    /** The value of the cookie that says "reported", valid for the window from now. */
    String cookieValue(String slug) {
        long expires = clock.millis() / 1000 + properties.dedupeWindow().toSeconds();
        return expires + "." + signature(slug, expires);
    }

    long cookieSeconds() {
        return properties.dedupeWindow().toSeconds();
    }

    private boolean validCookie(String slug, String cookie, long now) {
        int dot = cookie.indexOf('.');
        if (dot < 1 || dot > 12 || cookie.length() > 80) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(cookie.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires <= now || expires > now + properties.dedupeWindow().toSeconds()) {
            return false;
        }
        byte[] expected = signature(slug, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String slug, long expires) {
        byte[] mac = hmac(cookieKey, slug + ":" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** The /24 of an IPv4 address (as {@link Networks} has it), the /48 of an IPv6 one. */
    static String wideNetwork(String address) {
        String network = Networks.of(address);
        if (!network.endsWith("::/64")) {
            return network;
        }
        String[] groups =
                network.substring(0, network.length() - "::/64".length()).split(":");
        return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
    }

    private Day today() {
        LocalDate date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Day current = day;
        if (current != null && current.date().equals(date)) {
            return current;
        }
        synchronized (this) {
            if (day == null || !day.date().equals(date)) {
                long windowNanos = properties.dedupeWindow().toNanos();
                day = new Day(
                        date,
                        randomKey(),
                        Caffeine.newBuilder()
                                .ticker(() -> clock.millis() * 1_000_000L)
                                .expireAfterWrite(java.time.Duration.ofNanos(windowNanos))
                                .maximumSize(MAX_BUDGETS)
                                .build());
            }
            return day;
        }
    }

    private byte[] randomKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /**
     * One initialised {@link Mac} per thread and key: looking up the algorithm and expanding the key
     * cost more than the hash of a few bytes, and a report needs two of them.
     */
    private static final ThreadLocal<Map<byte[], Mac>> MACS = ThreadLocal.withInitial(IdentityHashMap::new);

    private static byte[] hmac(byte[] key, String text) {
        Map<byte[], Mac> macs = MACS.get();
        Mac mac = macs.get(key);
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            if (macs.size() >= 4) {
                macs.clear(); // yesterday's network key: never used again
            }
            macs.put(key, mac);
        }
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
