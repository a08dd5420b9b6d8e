package com.paystatus.integration;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as a receiver read it, whatever the monitoring tool's format: what the rules match and
 * what a proposal shows as its evidence.
 *
 * @param source the receiver, e.g. {@code alertmanager}
 * @param fingerprint the alert's identity within its source; the same alert sent again has the same one
 * @param firing true for firing, false for resolved
 * @param labels the alert's labels (for Uptime Kuma, the monitor's tags and its name as {@code monitor})
 * @param state a channel state the sender asked for (the generic format's {@code state}), or null
 * @param link back to the alert in the monitoring tool, or null
 */
record AlertSignal(
        String source,
        String fingerprint,
        boolean firing,
        Map<String, String> labels,
        String state,
        String summary,
        Instant startsAt,
        String link) {}
