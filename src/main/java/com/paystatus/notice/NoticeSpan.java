package com.paystatus.notice;

import java.time.Instant;
import java.util.Set;

/** When a notice was open and which channels it concerned: what uptime bars list for a day. */
public record NoticeSpan(long id, String title, NoticeKind kind, Set<String> channels, Instant from, Instant until) {

    public static NoticeSpan of(NoticeRecord notice) {
        return new NoticeSpan(
                notice.id(),
                notice.title(),
                notice.kind(),
                notice.channels().keySet(),
                notice.createdAt(),
                notice.resolvedAt());
    }

    /** Whether the notice was open at some moment in [start, end). */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && (until == null || until.isAfter(start));
    }
}
