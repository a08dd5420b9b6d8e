package com.paystatus.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How open public pages keep themselves current: each asks the few-byte {@code /api/revision} every
 * {@code pollSeconds} (with jitter), a 304 from the page cache while nothing moved, and fetches itself
 * only when the revision moved. Other systems may hold the Server-Sent Events stream {@code /api/live}
 * ({@link LiveStream}) instead; a held stream costs about 118 KB of heap (Tomcat's buffers), so pages do
 * not use it and at most {@code maxStreams} are held.
 *
 * @param pollSeconds how often an open page asks for the revision
 * @param maxStreams how many streams this instance holds at most; past it the stream answers 503
 * @param heartbeat how often an idle stream carries a comment, so that proxies keep it and dead
 *     readers are noticed
 * @param watch how often the snapshot's revision is looked at
 */
@Validated
@ConfigurationProperties("paystatus.live")
public record LiveUpdates(
        @Min(1) @Max(3600) @DefaultValue("2") int pollSeconds,
        @Min(1) @Max(1_000_000) @DefaultValue("500") int maxStreams,
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("100ms") Duration watch) {}
