package com.paystatus.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one notification says, kept with it in the outbox as JSON: enough to write every mail and webhook
 * body later, on any instance, without reading the change again.
 *
 * @param kind {@code notice.posted}, {@code notice.updated}, {@code notice.resolved},
 *     {@code maintenance.scheduled|soon|started|completed} or {@code channel.state}
 * @param channels the channels it is about, slug to the state it gives them (or the channel's new state)
 * @param previousState for a channel's state: the state before
 * @param noticeKind the cause, a notice kind's code
 * @param estimatedRecoveryAt null when unknown
 * @param titleEn, messageEn the notice's English title and the change's English message, null when none
 * @param updates the notice's timeline, newest first (empty for maintenance and channel states)
 * @param alert for an operators' alert ({@code alert.*} kinds): what it says; null otherwise
 */
record NotificationContent(
        String kind,
        Long noticeId,
        Long maintenanceId,
        String title,
        String noticeKind,
        String status,
        Map<String, String> channels,
        String previousState,
        String message,
        Instant estimatedRecoveryAt,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        Instant at,
        List<Step> updates,
        Map<String, List<String>> alternatives,
        Alert alert,
        String titleEn,
        String messageEn) {

    /** Without English texts: maintenance windows, channel states and alerts have none. */
    NotificationContent(
            String kind,
            Long noticeId,
            Long maintenanceId,
            String title,
            String noticeKind,
            String status,
            Map<String, String> channels,
            String previousState,
            String message,
            Instant estimatedRecoveryAt,
            Instant startsAt,
            Instant endsAt,
            Instant createdAt,
            Instant at,
            List<Step> updates,
            Map<String, List<String>> alternatives,
            Alert alert) {
        this(
                kind,
                noticeId,
                maintenanceId,
                title,
                noticeKind,
                status,
                channels,
                previousState,
                message,
                estimatedRecoveryAt,
                startsAt,
                endsAt,
                createdAt,
                at,
                updates,
                alternatives,
                alert,
                null,
                null);
    }

    record Step(String status, String message, Instant at) {}

    /** An operators' alert as {@link com.paystatus.shared.OperatorAlert} gave it; {@code path} is an admin path. */
    record Alert(String kind, String channelSlug, String title, String text, String path) {}

    boolean isAlert() {
        return alert != null;
    }

    boolean isNotice() {
        return noticeId != null;
    }

    boolean isMaintenance() {
        return maintenanceId != null;
    }

    boolean isChannelState() {
        return "channel.state".equals(kind);
    }
}
