package com.paystatus.channel;

import java.time.Instant;
import java.util.List;

/**
 * A channel's public state over a stretch of time, read from its history: what it was at {@code
 * from} (null if the channel did not exist yet) and every change after, oldest first. Uptime is
 * derived from it.
 */
public record StateTimeline(String slug, Instant from, ChannelState initial, List<StateChange> changes) {}
