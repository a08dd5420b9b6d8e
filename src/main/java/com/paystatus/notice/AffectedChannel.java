package com.paystatus.notice;

import com.paystatus.channel.ChannelState;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** A channel a notice is about, and the state the notice holds it in while open. */
@Embeddable
class AffectedChannel {

    private Long channelId;

    @Convert(converter = NoticeChannelStateConverter.class)
    private ChannelState state;

    protected AffectedChannel() {}

    AffectedChannel(Long channelId, ChannelState state) {
        this.channelId = channelId;
        this.state = state;
    }

    Long getChannelId() {
        return channelId;
    }

    ChannelState getState() {
        return state;
    }
}
