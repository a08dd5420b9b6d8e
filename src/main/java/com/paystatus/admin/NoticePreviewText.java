package com.paystatus.admin;

import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticePreview;
import com.paystatus.notice.NoticePreview.ChannelChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A {@link NoticePreview} in the operator's words, the same for the notice page and the admin API:
 * 「4 个通道将显示“暂不能使用”，替换分付还款上的“合规审查中”」, one sentence per state the public will
 * newly see, and one for channels a worse state keeps as they are.
 */
@Component
class NoticePreviewText {

    private final MessageSource messages;

    NoticePreviewText(MessageSource messages) {
        this.messages = messages;
    }

    List<String> sentences(NoticePreview preview, Locale locale) {
        List<String> sentences = new ArrayList<>();
        Map<ChannelState, List<ChannelChange>> byAfter = new LinkedHashMap<>();
        preview.changing().stream()
                .sorted(Comparator.comparingInt((ChannelChange c) -> -c.after().severity()))
                .forEach(c -> byAfter.computeIfAbsent(c.after(), s -> new ArrayList<>())
                        .add(c));
        byAfter.forEach((after, changes) -> {
            StringBuilder sentence =
                    new StringBuilder(text("preview.willShow", locale, changes.size(), state(after, locale)));
            Map<ChannelState, List<String>> replaced = new LinkedHashMap<>();
            changes.stream()
                    .filter(c -> c.before() != ChannelState.AVAILABLE)
                    .forEach(c -> replaced.computeIfAbsent(c.before(), s -> new ArrayList<>())
                            .add(c.channel().name(locale)));
            if (!replaced.isEmpty()) {
                List<String> parts = new ArrayList<>();
                replaced.forEach((before, names) ->
                        parts.add(text("preview.replacedOn", locale, state(before, locale), join(names, locale))));
                sentence.append(text("preview.replacing", locale, join(parts, locale)));
            }
            sentences.add(sentence.append(text("preview.end", locale)).toString());
        });
        Map<ChannelState, List<String>> kept = new LinkedHashMap<>();
        preview.unchanged()
                .forEach(c -> kept.computeIfAbsent(c.before(), s -> new ArrayList<>())
                        .add(c.channel().name(locale)));
        kept.forEach((state, names) ->
                sentences.add(text("preview.keeps", locale, join(names, locale), state(state, locale))));
        if (sentences.isEmpty()) {
            sentences.add(text("preview.nothing", locale));
        }
        return sentences;
    }

    private String state(ChannelState state, Locale locale) {
        return text("channel.state." + state.code(), locale);
    }

    private String join(List<String> items, Locale locale) {
        return String.join(text("list.separator", locale), items);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
