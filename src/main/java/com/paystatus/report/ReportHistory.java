package com.paystatus.report;

import java.time.Instant;
import java.util.List;

/**
 * One channel's reports of one symptom over the last 24 hours, by hour, oldest first.
 *
 * @param firstHour the start of the first hour
 */
public record ReportHistory(String channelSlug, Symptom symptom, Instant firstHour, List<Long> hourly) {

    public long total() {
        return hourly.stream().mapToLong(Long::longValue).sum();
    }

    /** The start of the i-th hour. */
    public Instant hour(int i) {
        return firstHour.plusSeconds(3600L * i);
    }
}
