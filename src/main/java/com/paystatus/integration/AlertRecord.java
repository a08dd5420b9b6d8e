package com.paystatus.integration;

import java.time.Instant;

/**
 * An alert as admins see it; {@code channel} is null for an unmatched one.
 *
 * @param labels the labels as the JSON object they came in
 */
public record AlertRecord(
        String source,
        String fingerprint,
        String status,
        String labels,
        String summary,
        String link,
        Instant startsAt,
        String channel,
        String state,
        Long proposalId,
        Long noticeId,
        Instant changedAt) {}
