package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.shared.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ready-to-paste answer support staff send a customer, in Chinese or English: 「您好，分付目前暂不能使用，
 * 原因：系统维护，预计 18:00 恢复。您可以先使用微信支付或银行卡。最新进展：<link>」. Times are absolute (a
 * relative hint would be wrong by the time the customer reads it).
 */
@Component
public class SupportReply {

    private final MessageSource messages;
    private final TimeText times;
    private final Clock clock;

    SupportReply(MessageSource messages, TimeText times, Clock clock) {
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    public String forChannel(ChannelView channel, StatusSnapshot status, String link, Locale locale) {
        String name = channel.name(locale);
        if (channel.isAvailable()) {
            return text("reply.available", locale, name, link);
        }
        String cause = channel.causeKind() != null
                ? text("reply.kind." + channel.causeKind().code(), locale)
                : channel.reason() != null ? channel.reason() : text("reply.cause.unknown", locale);
        Instant eta = channel.isExplained() ? channel.estimatedRecoveryAt() : null;
        return text(
                "reply.affected",
                locale,
                name,
                text("reply.state." + channel.state().code(), locale),
                cause,
                estimate(eta, locale),
                alternatives(channel.alternatives(), locale),
                link);
    }

    public String forNotice(NoticeRecord notice, StatusSnapshot status, String link, Locale locale) {
        List<ChannelView> affected = notice.channels().keySet().stream()
                .map(slug -> status.channel(slug).orElse(null))
                .filter(c -> c != null)
                .toList();
        String names = list(affected.stream().map(c -> c.name(locale)).toList(), "reply.and", locale);
        if (affected.isEmpty()) {
            names = notice.title(locale).text();
        }
        if (!notice.isOpen()) {
            return text("reply.resolved", locale, names, times.time(notice.resolvedAt(), locale), link);
        }
        ChannelState worst = ChannelState.worst(notice.channels().values());
        Map<String, ChannelRecord> instead = new LinkedHashMap<>();
        affected.forEach(c -> c.alternatives().forEach(a -> instead.putIfAbsent(a.slug(), a)));
        notice.channels().keySet().forEach(instead::remove);
        return text(
                "reply.affected",
                locale,
                names,
                text("reply.state." + worst.code(), locale),
                text("reply.kind." + notice.kind().code(), locale),
                estimate(notice.estimatedRecoveryAt(), locale),
                alternatives(new ArrayList<>(instead.values()), locale),
                link);
    }

    private String estimate(Instant eta, Locale locale) {
        if (eta == null) {
            return text("reply.eta.unknown", locale);
        }
        String key = eta.isAfter(clock.instant()) ? "reply.eta.expected" : "reply.eta.overdue";
        return text(key, locale, times.time(eta, locale));
    }

    private String alternatives(List<ChannelRecord> channels, Locale locale) {
        if (channels.isEmpty()) {
            return "";
        }
        List<String> names = channels.stream()
                .map(c -> Localized.pick(locale, c.nameZh(), c.nameEn()))
                .toList();
        return text("reply.alternatives", locale, list(names, "reply.or", locale));
    }

    /** 「微信支付、支付宝或银行卡」, 「WeChat Pay, Alipay or bank card」. */
    private String list(List<String> items, String lastJoinKey, Locale locale) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        String separator = text("reply.separator", locale);
        return String.join(separator, items.subList(0, items.size() - 1))
                + text(lastJoinKey, locale)
                + items.get(items.size() - 1);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
