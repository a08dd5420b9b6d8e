package com.paystatus.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead a time given by a person may lie: an estimated recovery, a maintenance window, a
 * token's expiry. A year covers every honest plan; beyond it a time is a typo or an attack, and
 * far-future years (+10000, +1000000000) would break every page that shows them.
 */
public final class Horizon {

    /** A year and a day, so that "the same time next year" is still accepted. */
    public static final Duration AHEAD = Duration.ofDays(366);

    private Horizon() {}

    /** Whether {@code time} lies further ahead of {@code now} than anyone may plan. */
    public static boolean beyond(Instant time, Instant now) {
        return time.isAfter(now.plus(AHEAD));
    }
}
