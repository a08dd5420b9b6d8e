package com.paystatus.report;

import java.time.Instant;

/**
 * A channel whose reports of one symptom are improbably high for this hour of the week, as the
 * detector sees it now.
 *
 * @param reports5m reports in the last 5 minutes
 * @param expected5m what is typical for 5 minutes of this hour of the week (never below the floor)
 * @param since the minute the flag went up
 */
public record ReportSpike(
        String channelSlug, Symptom symptom, SpikeLevel level, long reports5m, double expected5m, Instant since) {}
