package com.paystatus.channel;

/** An open notice holding a channel in a state until the notice is resolved. */
public record StateHold(long channelId, ChannelState state, long noticeId) {}
