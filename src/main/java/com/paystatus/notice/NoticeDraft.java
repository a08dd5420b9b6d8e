package com.paystatus.notice;

import java.util.Map;

/**
 * A notice as an operator submits it, from the admin form or the admin API, before validation.
 *
 * @param kind a {@link NoticeKind} code
 * @param channels channel slugs, each with a {@link com.paystatus.channel.ChannelState} code
 * @param status a {@link NoticeStatus} code, or null for {@code investigating}
 * @param estimatedRecoveryAt an instant or {@link Estimate#UNKNOWN}; null when the operator said nothing,
 *     which the rules refuse
 */
public record NoticeDraft(
        String title,
        String kind,
        String message,
        Map<String, String> channels,
        String status,
        Estimate estimatedRecoveryAt) {}
