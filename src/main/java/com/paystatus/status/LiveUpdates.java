package com.paystatus.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How open public pages keep themselves current: each holds one Server-Sent Events stream ({@code
 * /api/live}, see {@link LiveStream}) that says the status revision when it moves, and fetches
 * itself only then. A page that cannot hold the stream (a proxy that buffers, a browser without
 * EventSource, more than {@code maxStreams} open) asks the few-byte {@code /api/revision} every
 * {@code pollSeconds} instead, a 304 from the page cache while nothing moved.
 *
 * @param pollSeconds how often a page without the stream asks for the revision
 * @param maxStreams how many streams this instance holds at most; past it a page polls instead
 * @param heartbeat how often an idle stream carries a comment, so that proxies keep it and dead
 *     readers are noticed
 * @param watch how often the snapshot's revision is looked at
 */
@Validated
@ConfigurationProperties("paystatus.live")
public record LiveUpdates(
        @Min(1) @Max(3600) @DefaultValue("2") int pollSeconds,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxStreams,
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("100ms") Duration watch) {}
