package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import com.paystatus.maintenance.MaintenanceRecord;
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
 * @param maintenance the maintenance window in progress holding it, when no notice does, or null
 * @param alternatives the suggested channels that can be used right now
 * @param openNotices every open notice about this channel, newest first
 */
public record ChannelView(
        ChannelRecord channel,
        NoticeRecord cause,
        MaintenanceRecord maintenance,
        List<ChannelRecord> alternatives,
        List<NoticeRecord> openNotices) {

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
        if (cause != null) {
            return cause.kind();
        }
        return maintenance != null ? NoticeKind.MAINTENANCE : null;
    }

    /** Whether a notice or a maintenance window explains the state (and so gives an estimate). */
    public boolean isExplained() {
        return cause != null || maintenance != null;
    }

    /** The estimate that matters to a person: the holding notice's, or the maintenance window's end. */
    public Instant estimatedRecoveryAt() {
        if (cause != null) {
            return cause.estimatedRecoveryAt();
        }
        return maintenance != null ? maintenance.effectiveEnd() : null;
    }

    /** The reason an operator gave when setting the state directly, when nothing else explains it. */
    public String reason() {
        return !isExplained() && !isAvailable() ? channel.reason() : null;
    }
}
