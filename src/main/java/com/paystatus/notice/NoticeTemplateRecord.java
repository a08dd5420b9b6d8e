package com.paystatus.notice;

import java.util.Map;

/**
 * A notice template as the admin pages show it.
 *
 * @param channels channel slug to {@link com.paystatus.channel.ChannelState} code
 */
public record NoticeTemplateRecord(
        long id, String name, String title, NoticeKind kind, String message, Map<String, String> channels) {}
