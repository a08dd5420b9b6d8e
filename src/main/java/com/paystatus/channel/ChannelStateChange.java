package com.paystatus.channel;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of what the public sees for a channel: the history that uptime is later derived from. */
@Entity
@Table(name = "channel_state_change")
class ChannelStateChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long channelId;

    @Convert(converter = ChannelState.Converter.class)
    private ChannelState fromState;

    @Convert(converter = ChannelState.Converter.class)
    private ChannelState toState;

    private Instant changedAt;
    private String changedBy;
    private String reason;
    private Long noticeId;

    protected ChannelStateChange() {}

    ChannelStateChange(
            Long channelId,
            ChannelState fromState,
            ChannelState toState,
            Instant changedAt,
            String changedBy,
            String reason,
            Long noticeId) {
        this.channelId = channelId;
        this.fromState = fromState;
        this.toState = toState;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.reason = reason;
        this.noticeId = noticeId;
    }

    StateChange toRecord() {
        return new StateChange(fromState, toState, changedAt, changedBy, reason, noticeId);
    }

    Long getChannelId() {
        return channelId;
    }

    ChannelState getToState() {
        return toState;
    }
}
