package com.paystatus.notice;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notice as pages and the API show it.
 *
 * @param titleEn the English title, or null when none was written
 * @param channels the affected channels' slugs, each with the state the notice holds it in
 * @param estimatedRecoveryAt the latest estimate; null when unknown or resolved
 * @param postmortem what was learned, in Markdown, published after resolving; null when none
 * @param updates the timeline, newest first
 */
public record NoticeRecord(
        long id,
        String title,
        String titleEn,
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

    /** A notice in Chinese only. */
    public NoticeRecord(
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
        this(
                id,
                title,
                null,
                kind,
                status,
                channels,
                estimatedRecoveryAt,
                createdAt,
                createdBy,
                resolvedAt,
                postmortem,
                postmortemAt,
                version,
                updates);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The title for a reader of {@code locale}: the English one where written, else the Chinese, marked. */
    public LocalizedText title(Locale locale) {
        return LocalizedText.pick(locale, title, titleEn);
    }

    /** The newest update's message for a reader of {@code locale}. */
    public LocalizedText latestMessage(Locale locale) {
        return updates.isEmpty() ? new LocalizedText("", null) : updates.get(0).message(locale);
    }

    /**
     * @param messageEn the English message, or null when none was written
     */
    public record Update(
            NoticeStatus status,
            String message,
            String messageEn,
            Instant estimatedRecoveryAt,
            Instant postedAt,
            String postedBy) {

        /** A Chinese-only update. */
        public Update(
                NoticeStatus status, String message, Instant estimatedRecoveryAt, Instant postedAt, String postedBy) {
            this(status, message, null, estimatedRecoveryAt, postedAt, postedBy);
        }

        public LocalizedText message(Locale locale) {
            return LocalizedText.pick(locale, message, messageEn);
        }
    }
}
