package com.paystatus.status;

import com.paystatus.notice.NoticeKind;
import com.paystatus.shared.Coded;

/**
 * How {@code /history} reads its query: shared by the page and by the public page cache, which
 * keeps one copy per page and filter and so must name each the way the page reads it.
 */
public final class HistoryQuery {

    /** Deeper pages are read as this one. */
    public static final int MAX_PAGE = 100_000;

    private HistoryQuery() {}

    /** The page number asked for; anything that is not a number is the first page. */
    public static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.trim()), MAX_PAGE));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether the kind filter is empty or names a notice kind. */
    public static boolean isKnownKind(String kind) {
        return kind == null
                || kind.isBlank()
                || Coded.fromCode(NoticeKind.class, kind).isPresent();
    }

    /** Whether the channel filter is empty or names a channel of the snapshot. */
    public static boolean isKnownChannel(String channel, StatusSnapshot snapshot) {
        return channel == null || channel.isBlank() || snapshot.channels().containsKey(channel);
    }
}
