package com.paystatus.channel;

/**
 * Something that holds a channel in a state for a while: an open notice, or a maintenance window in
 * progress.
 */
public record StateHold(long channelId, ChannelState state, Source source, long sourceId) {

    public enum Source {
        NOTICE,
        MAINTENANCE
    }

    public StateHold(long channelId, ChannelState state, long noticeId) {
        this(channelId, state, Source.NOTICE, noticeId);
    }
}
