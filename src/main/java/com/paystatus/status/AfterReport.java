package com.paystatus.status;

import com.paystatus.notice.NoticeRecord;
import java.time.Instant;

/**
 * What a person is told after reporting, the same on the page and in the JSON answer: with an open
 * notice, that it is not them, its estimate and the channels to use meanwhile; without one, how many
 * others reported and what is usual, and what to check if it is only them.
 */
public record AfterReport(ChannelView channel, ReportFigures figures) {

    /** The notice that explains the channel's trouble, or null. */
    public NoticeRecord notice() {
        if (channel.cause() != null) {
            return channel.cause();
        }
        return channel.openNotices().isEmpty() ? null : channel.openNotices().get(0);
    }

    public boolean known() {
        return notice() != null || channel.maintenance() != null;
    }

    public Instant estimatedRecoveryAt() {
        NoticeRecord notice = notice();
        return notice != null ? notice.estimatedRecoveryAt() : channel.estimatedRecoveryAt();
    }
}
