package com.paystatus.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The command to post a notice, the same record from the admin form and the admin API. Its text
 * limits are declared here once, for Bean Validation, the pages' {@code maxlength} and the
 * schema's sizes; the domain rules (known kind and channels, an estimate ahead) are the notice's.
 *
 * @param titleEn the English title, optional (blank means none: English readers get the Chinese)
 * @param messageEn the English message, optional
 * @param kind a {@link NoticeKind} code
 * @param channels channel slugs, each with a {@link com.paystatus.channel.ChannelState} code
 * @param status a {@link NoticeStatus} code, or null for {@code investigating}
 * @param estimatedRecoveryAt an instant or {@link Estimate#UNKNOWN}; null when the operator said nothing,
 *     which the rules refuse
 */
public record NoticeDraft(
        @NotBlank(message = "{validation.required}")
        @Size(max = NoticeDraft.MAX_TITLE, message = "{validation.tooLong}")
        String title,

        @Size(max = NoticeDraft.MAX_TITLE, message = "{validation.tooLong}")
        String titleEn,

        String kind,

        @NotBlank(message = "{validation.required}")
        @Size(max = NoticeDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String message,

        @Size(max = NoticeDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String messageEn,

        Map<String, String> channels,
        String status,
        Estimate estimatedRecoveryAt) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_MESSAGE = 2000;

    /** A notice in Chinese only. */
    public NoticeDraft(
            String title,
            String kind,
            String message,
            Map<String, String> channels,
            String status,
            Estimate estimatedRecoveryAt) {
        this(title, null, kind, message, null, channels, status, estimatedRecoveryAt);
    }

    /** The same notice with other channels: a template's words posted on the channels chosen now. */
    public NoticeDraft withChannels(Map<String, String> chosen) {
        return new NoticeDraft(title, titleEn, kind, message, messageEn, chosen, status, estimatedRecoveryAt);
    }
}
