package com.paystatus.status;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.StateHold;
import com.paystatus.channel.StateTimeline;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what was read for one revision into a {@link StatusSnapshot}: a pure function of records, so
 * that what the public pages show can be tested without Spring or a database. {@link StatusSnapshots}
 * reads the records (in one read-only transaction) and swaps the result in.
 */
final class SnapshotBuilder {

    private SnapshotBuilder() {}

    /**
     * What a rebuild reads, in the order the channels are shown.
     *
     * @param recentFrom resolved notices from this instant on are shown
     * @param uptimeFrom notices open at some moment from this instant on colour the uptime bars
     * @param notices open notices and those resolved since the earlier of both instants, newest first
     * @param maintenances the windows to show, by planned start
     */
    record Sources(
            long revision,
            Instant builtAt,
            Instant recentFrom,
            Instant uptimeFrom,
            List<ChannelRecord> channels,
            List<NoticeRecord> notices,
            List<MaintenanceRecord> maintenances,
            List<StateTimeline> timelines) {}

    /** A day more than the bars show, so that the oldest day is whole in any zone. */
    static Instant uptimeFrom(Instant now) {
        return now.minus(Duration.ofDays(StatusSnapshot.UPTIME_DAYS + 1));
    }

    /** Channel slugs by id, from the channels of a rebuild: translated once, not per service call. */
    static Map<Long, String> slugsById(List<ChannelRecord> channels) {
        Map<Long, String> slugs = new LinkedHashMap<>();
        channels.forEach(c -> slugs.put(c.id(), c.slug()));
        return slugs;
    }

    static StatusSnapshot build(Sources sources) {
        Instant recentFrom = sources.recentFrom();
        Instant uptimeFrom = sources.uptimeFrom();
        List<NoticeRecord> shown = sources.notices().stream()
                .filter(n -> n.isOpen() || !n.resolvedAt().isBefore(recentFrom))
                .toList();
        List<NoticeSpan> spans = sources.notices().stream()
                .filter(n -> n.isOpen() || !n.resolvedAt().isBefore(uptimeFrom))
                .map(NoticeSpan::of)
                .toList();
        Map<Long, NoticeRecord> noticesById = shown.stream()
                .collect(Collectors.toMap(NoticeRecord::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Long, MaintenanceRecord> maintenancesById =
                sources.maintenances().stream().collect(Collectors.toMap(MaintenanceRecord::id, Function.identity()));
        Map<String, ChannelRecord> bySlug = sources.channels().stream()
                .collect(Collectors.toMap(ChannelRecord::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));

        Map<String, ChannelView> views = new LinkedHashMap<>();
        for (ChannelRecord channel : sources.channels()) {
            views.put(channel.slug(), view(channel, shown, noticesById, maintenancesById, bySlug));
        }

        return new StatusSnapshot(
                sources.revision(),
                sources.builtAt(),
                groups(views.values()),
                shown.stream().filter(NoticeRecord::isOpen).toList(),
                shown.stream().filter(n -> !n.isOpen()).toList(),
                sources.maintenances(),
                Map.copyOf(views),
                Map.copyOf(noticesById),
                sources.timelines().stream()
                        .collect(Collectors.toUnmodifiableMap(StateTimeline::slug, Function.identity())),
                spans);
    }

    private static ChannelView view(
            ChannelRecord channel,
            List<NoticeRecord> shown,
            Map<Long, NoticeRecord> noticesById,
            Map<Long, MaintenanceRecord> maintenancesById,
            Map<String, ChannelRecord> bySlug) {
        NoticeRecord cause = channel.heldByNotices().stream()
                .map(noticesById::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        MaintenanceRecord maintenance = channel.heldBy().stream()
                .filter(h -> h.source() == StateHold.Source.MAINTENANCE)
                .map(h -> maintenancesById.get(h.sourceId()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        List<ChannelRecord> alternatives = channel.alternatives().stream()
                .map(bySlug::get)
                .filter(a -> a != null && a.state().isUsable())
                .toList();
        List<NoticeRecord> open = shown.stream()
                .filter(n -> n.isOpen() && n.channels().containsKey(channel.slug()))
                .toList();
        return new ChannelView(channel, cause, maintenance, alternatives, open);
    }

    /** By group id, in the order the channels come: two groups may share a name in one language. */
    private static List<GroupView> groups(Iterable<ChannelView> views) {
        Map<Long, List<ChannelView>> byGroup = new LinkedHashMap<>();
        for (ChannelView view : views) {
            byGroup.computeIfAbsent(view.channel().groupId(), g -> new ArrayList<>())
                    .add(view);
        }
        return byGroup.entrySet().stream()
                .map(e -> {
                    ChannelRecord first = e.getValue().get(0).channel();
                    return new GroupView(e.getKey(), first.groupZh(), first.groupEn(), List.copyOf(e.getValue()));
                })
                .toList();
    }
}
