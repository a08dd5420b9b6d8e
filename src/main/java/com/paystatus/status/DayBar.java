package com.paystatus.status;

import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeSpan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * One day of one channel's uptime, in the page's time zone.
 *
 * @param availability the share of the observed time, maintenance left out, that the channel could
 *     be used to pay; null when the channel did not exist that day
 * @param worstState the worst state the channel was in that day, or null without data
 * @param countedSeconds seconds observed that day, maintenance left out: the share's whole
 * @param outageSeconds seconds {@code unavailable} or {@code compliance_review} (no one could pay)
 * @param maintenanceSeconds seconds in {@code maintenance}, counted apart from outages
 * @param notices the notices about this channel open at some moment that day
 */
public record DayBar(
        LocalDate date,
        Double availability,
        ChannelState worstState,
        long countedSeconds,
        long outageSeconds,
        long maintenanceSeconds,
        long degradedSeconds,
        List<NoticeSpan> notices) {

    public boolean hasData() {
        return availability != null;
    }

    /** 「97.9%」: rounded down to one decimal, so a bad day never reads as a perfect one. */
    public String percent() {
        return availability == null ? "" : Uptime.percent(availability, 1);
    }

    /** A CSS class for the bar's colour. */
    public String colour() {
        if (availability == null) {
            return "bar-none";
        }
        if (outageSeconds > 0) {
            return availability >= 0.99 ? "bar-minor" : availability >= 0.9 ? "bar-major" : "bar-down";
        }
        if (degradedSeconds > 0) {
            return "bar-degraded";
        }
        return maintenanceSeconds > 0 ? "bar-maintenance" : "bar-ok";
    }

    static String round(double share, int decimals) {
        return new BigDecimal(share * 100)
                .setScale(decimals, RoundingMode.FLOOR)
                .stripTrailingZeros()
                .toPlainString();
    }
}
