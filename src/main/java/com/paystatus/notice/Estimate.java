package com.paystatus.notice;

import java.time.Instant;

/**
 * The estimated recovery time as both doors (admin pages and admin API) hand it over: an instant,
 * or explicitly unknown (「恢复时间待定」). "Not said" is not an estimate: a command without one is
 * refused, so nobody publishes "unknown" by forgetting the field.
 *
 * @param instant the expected recovery, or null when unknown
 */
public record Estimate(Instant instant) {

    public static final Estimate UNKNOWN = new Estimate(null);

    public static Estimate at(Instant instant) {
        return instant == null ? UNKNOWN : new Estimate(instant);
    }

    public boolean known() {
        return instant != null;
    }
}
