package com.paystatus.status;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateTimeline;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeSpan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the public pages show, read from the database in one go and never changed afterwards.
 * Public requests read the current snapshot instead of the database; a write that changes what the
 * public sees makes a new one (see {@link StatusSnapshots}).
 *
 * @param revision the status revision the snapshot was built at
 * @param builtAt when it was built
 * @param openNotices open notices, newest first
 * @param recentlyResolved notices resolved within the configured number of days, newest first
 * @param maintenances maintenance windows not yet completed, and those completed within the
 *     configured number of days, by planned start; their status depends on the instant asked
 * @param timelines each channel's state history over the last {@link #UPTIME_DAYS} days and a bit
 * @param noticeSpans the notices open at some moment in that time
 */
public record StatusSnapshot(
        long revision,
        Instant builtAt,
        List<GroupView> groups,
        List<NoticeRecord> openNotices,
        List<NoticeRecord> recentlyResolved,
        List<MaintenanceRecord> maintenances,
        Map<String, ChannelView> channels,
        Map<Long, NoticeRecord> notices,
        Map<String, StateTimeline> timelines,
        List<NoticeSpan> noticeSpans) {

    /** How many daily bars the pages and the availability API can show. */
    public static final int UPTIME_DAYS = 90;

    /**
     * As this snapshot, with at most the {@code latest} updates of each open notice: the board stays
     * the same size however long an outage goes on and however many updates it gets; the notice's own
     * page, the API and the feeds have them all.
     */
    public StatusSnapshot withLatestUpdates(int latest) {
        if (openNotices.stream().allMatch(n -> n.updates().size() <= latest)) {
            return this;
        }
        List<NoticeRecord> open = openNotices.stream()
                .map(n -> n.updates().size() <= latest ? n : latestUpdates(n, latest))
                .toList();
        return new StatusSnapshot(
                revision,
                builtAt,
                groups,
                open,
                recentlyResolved,
                maintenances,
                channels,
                notices,
                timelines,
                noticeSpans);
    }

    private static NoticeRecord latestUpdates(NoticeRecord n, int latest) {
        return new NoticeRecord(
                n.id(),
                n.title(),
                n.kind(),
                n.status(),
                n.channels(),
                n.estimatedRecoveryAt(),
                n.createdAt(),
                n.createdBy(),
                n.resolvedAt(),
                n.postmortem(),
                n.postmortemAt(),
                n.version(),
                List.copyOf(n.updates().subList(0, latest)));
    }

    /** The channel's daily uptime for the last {@code days} days up to {@code now}, oldest first. */
    public List<DayBar> uptime(String slug, ZoneId zone, Instant now, int days) {
        StateTimeline timeline = timelines.get(slug);
        return timeline == null ? List.of() : Uptime.daily(timeline, noticeSpans, zone, now, days);
    }

    public ChannelState worstState() {
        return ChannelState.worst(
                channels.values().stream().map(ChannelView::state).toList());
    }

    /** Channels not {@code available}, worst first, in display order otherwise. */
    public List<ChannelView> affectedChannels() {
        return groups.stream()
                .flatMap(g -> g.channels().stream())
                .filter(c -> !c.isAvailable())
                .sorted((a, b) ->
                        Integer.compare(b.state().severity(), a.state().severity()))
                .toList();
    }

    /** The resolved notices still worth showing at {@code cutoff}: the snapshot may be older than now. */
    public List<NoticeRecord> resolvedSince(Instant cutoff) {
        return recentlyResolved.stream()
                .filter(n -> !n.resolvedAt().isBefore(cutoff))
                .toList();
    }

    public List<MaintenanceRecord> maintenances(MaintenanceStatus status, Instant now) {
        return maintenances.stream().filter(m -> m.status(now) == status).toList();
    }

    public Optional<ChannelView> channel(String slug) {
        return Optional.ofNullable(channels.get(slug));
    }

    public Optional<NoticeRecord> notice(long id) {
        return Optional.ofNullable(notices.get(id));
    }
}
