package com.paystatus.status;

import com.paystatus.notice.NoticeKind;
import java.util.Optional;

/**
 * How long past recoveries of one kind of problem on a channel took: for an open notice that gives no
 * estimate, the public pages show this range, labelled as history and never as a promise. The monitoring
 * feature keeps the recovery statistics and implements it; without an implementation no range is shown.
 */
public interface RecoveryRanges {

    /** The 20th to 80th percentile of past recovery times, in minutes. */
    record Range(long fromMinutes, long toMinutes) {}

    /** Empty with fewer past recoveries of that kind on that channel than make a range. */
    Optional<Range> typical(String channelSlug, NoticeKind kind);
}
