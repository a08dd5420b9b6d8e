package com.paystatus.notice;

import com.paystatus.channel.ChannelState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notice as pages and the API show it.
 *
 * @param channels the affected channels' slugs, each with the state the notice holds it in
 * @param estimatedRecoveryAt the latest estimate; null when unknown or resolved
 * @param postmortem what was learned, in Markdown, published after resolving; null when none
 * @param updates the timeline, newest first
 */
public record NoticeRecord(
        long id,
        String title,
        NoticeKind kind,
        NoticeStatus status,
        Map<String, ChannelState> channels,
        Instant estimatedRecoveryAt,
        Instant createdAt,
        String createdBy,
        Instant resolvedAt,
        String postmortem,
        Instant postmortemAt,
        long version,
        List<Update> updates) {

    public boolean isOpen() {
        return status.isOpen();
    }

    public record Update(
            NoticeStatus status, String message, Instant estimatedRecoveryAt, Instant postedAt, String postedBy) {}
}
