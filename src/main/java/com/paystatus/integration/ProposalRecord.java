package com.paystatus.integration;

import java.time.Instant;

/**
 * A proposal as the dashboard and the API show it, with its evidence.
 *
 * @param action {@code open} (post a notice) or {@code resolve} (resolve notice {@code noticeId})
 * @param status {@code open}, {@code published} or {@code dismissed}
 * @param alertSince when the first alert behind it started firing, as the monitoring tool says
 * @param firingSince since when an alert behind it has fired without a break; null while none fires
 * @param quietSince since when none has fired; null while one fires
 * @param alerts how many alerts are behind it, {@code firingAlerts} of them firing now
 */
public record ProposalRecord(
        long id,
        String action,
        String channel,
        String state,
        String status,
        String summary,
        String link,
        Long ruleId,
        Long noticeId,
        Instant alertSince,
        Instant firingSince,
        Instant quietSince,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy,
        long alerts,
        long firingAlerts) {

    public boolean isOpen() {
        return "open".equals(status);
    }

    public boolean proposesResolving() {
        return "resolve".equals(action);
    }
}
