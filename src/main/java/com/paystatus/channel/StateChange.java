package com.paystatus.channel;

import java.time.Instant;

/** One entry of a channel's state history, as pages and the API show it. */
public record StateChange(ChannelState from, ChannelState to, Instant at, String by, String reason, Long noticeId) {}
