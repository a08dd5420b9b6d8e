package com.paystatus.notice;

import java.util.Map;

/**
 * A notice template as the admin pages show it: the kind and the words; its channels are a
 * suggestion the operator confirms when posting, never applied unseen.
 *
 * @param titleEn the English title, or null
 * @param messageEn the English message, or null
 * @param channels channel slug to {@link com.paystatus.channel.ChannelState} code
 */
public record NoticeTemplateRecord(
        long id,
        String name,
        String title,
        String titleEn,
        NoticeKind kind,
        String message,
        String messageEn,
        Map<String, String> channels) {

    public NoticeTemplateRecord(
            long id, String name, String title, NoticeKind kind, String message, Map<String, String> channels) {
        this(id, name, title, null, kind, message, null, channels);
    }
}
