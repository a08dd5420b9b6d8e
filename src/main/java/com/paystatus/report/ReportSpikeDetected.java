package com.paystatus.report;

import java.time.Instant;

/**
 * The detector flagged a channel, or raised its flag from possible to detected: for the operators'
 * robots and webhooks (the subscriptions feature listens). Not a public change: it changes no state
 * and bumps no revision.
 *
 * @param level {@code possible} or {@code detected}
 * @param reports5m reports in the last 5 minutes
 * @param expected5m what is typical for 5 minutes of this hour of the week (never below the floor)
 * @param since the minute the flag went up
 */
public record ReportSpikeDetected(
        String channelSlug, String symptom, String level, long reports5m, double expected5m, Instant since) {}
