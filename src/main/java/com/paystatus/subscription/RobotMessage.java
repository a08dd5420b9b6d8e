package com.paystatus.subscription;

import java.time.Instant;
import java.util.Locale;

/**
 * What a group robot should say, whichever chat it goes to: {@link RobotSender} puts it into each
 * vendor's own message format, {@link RobotThrottle} merges several into one while a robot may not
 * speak.
 *
 * @param text the same as plain text, for chats that show no Markdown
 * @param markdown the body in the plain Markdown that WeCom, DingTalk and Feishu all read (headings,
 *     bold, links, quotes)
 * @param link the absolute URL of the stable page it is about
 * @param at when the change it tells of happened
 * @param language {@code zh} or {@code en}: the language of the words PayStatus adds
 */
public record RobotMessage(String title, String text, String markdown, String link, Instant at, String language) {

    Locale locale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
