package com.paystatus.integration;

import com.paystatus.notice.NoticeKind;
import com.paystatus.status.RecoveryRanges;
import com.paystatus.status.StatusSnapshots;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The public pages' range from history, from {@link RecoveryStatistics}: worked out again only when the
 * revision has moved (a resolution moves it), so a page rendered once per revision reads history once;
 * while the database is unreachable the ranges last read stay, and no render waits on it or fails.
 */
@Component
class RecoveryRangesFromHistory implements RecoveryRanges {

    private static final Logger log = LoggerFactory.getLogger(RecoveryRangesFromHistory.class);

    private record Kept(long revision, Map<String, Range> ranges) {}

    private final RecoveryStatistics statistics;
    private final StatusSnapshots snapshots;
    private volatile Kept kept = new Kept(-1, Map.of());

    RecoveryRangesFromHistory(RecoveryStatistics statistics, StatusSnapshots snapshots) {
        this.statistics = statistics;
        this.snapshots = snapshots;
    }

    @Override
    public Optional<Range> typical(String channelSlug, NoticeKind kind) {
        long revision = snapshots.current().revision();
        Kept now = kept;
        if (now.revision() != revision && snapshots.freshness().current()) {
            try {
                now = new Kept(
                        revision,
                        statistics.all().stream()
                                .filter(f -> f.rangeFromMinutes() != null)
                                .collect(Collectors.toMap(
                                        f -> key(f.channel(), f.kind()),
                                        f -> new Range(f.rangeFromMinutes(), f.rangeToMinutes()))));
                kept = now;
            } catch (RuntimeException e) {
                // the database went away under the render: a public page must still answer, with the
                // ranges last read (tried again on the next render)
                log.debug("Recovery ranges not read again: {}", e.toString());
            }
        }
        return Optional.ofNullable(now.ranges().get(key(channelSlug, kind)));
    }

    private static String key(String channel, NoticeKind kind) {
        return channel + "\u0000" + kind.code();
    }
}
