package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A channel as the public pages show it: its state, the notice that explains it (if any), and the
 * channels to use meanwhile.
 *
 * @param cause the oldest open notice holding the channel in its state, or null
 * @param alternatives the suggested channels that can be used right now
 * @param openNotices every open notice about this channel, newest first
 */
public record ChannelView(
        ChannelRecord channel, NoticeRecord cause, List<ChannelRecord> alternatives, List<NoticeRecord> openNotices) {

    public String slug() {
        return channel.slug();
    }

    public ChannelState state() {
        return channel.state();
    }

    public Instant since() {
        return channel.since();
    }

    public String name(Locale locale) {
        return Localized.pick(locale, channel.nameZh(), channel.nameEn());
    }

    public String description(Locale locale) {
        return Localized.pick(locale, channel.descriptionZh(), channel.descriptionEn());
    }

    public boolean isAvailable() {
        return channel.state() == ChannelState.AVAILABLE;
    }

    public NoticeKind causeKind() {
        return cause == null ? null : cause.kind();
    }

    /** The estimate that matters to a person: the one of the notice holding the channel. */
    public Instant estimatedRecoveryAt() {
        return cause == null ? null : cause.estimatedRecoveryAt();
    }

    /** The reason an operator gave when setting the state directly, when no notice explains it. */
    public String reason() {
        return cause == null && !isAvailable() ? channel.reason() : null;
    }
}
