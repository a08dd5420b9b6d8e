package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateHold;
import com.paystatus.channel.StateTimeline;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeSpan;
import com.paystatus.notice.NoticeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot as a function of records: no Spring, no database. */
class SnapshotBuilderTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant RECENT_FROM = NOW.minus(Duration.ofDays(14));

    @Test
    void channelsAreGroupedByGroupIdInDisplayOrderEvenWhenGroupsShareAName() {
        StatusSnapshot snapshot = build(
                List.of(
                        channel(1, "fenfu-online", 10, "分付", ChannelState.AVAILABLE),
                        channel(2, "fenfu-offline", 10, "分付", ChannelState.AVAILABLE),
                        channel(3, "alipay", 20, "其他", ChannelState.AVAILABLE),
                        channel(4, "unionpay", 30, "其他", ChannelState.AVAILABLE)),
                List.of(),
                List.of());

        assertThat(snapshot.groups()).extracting(GroupView::id).containsExactly(10L, 20L, 30L);
        assertThat(snapshot.groups().get(0).channels())
                .extracting(ChannelView::slug)
                .containsExactly("fenfu-online", "fenfu-offline");
        assertThat(snapshot.groups().get(1).name(java.util.Locale.ENGLISH)).isEqualTo("其他 (en)");
    }

    @Test
    void aChannelHeldByANoticeIsExplainedByItAndSuggestsOnlyUsableAlternatives() {
        NoticeRecord fault = notice(7, NoticeStatus.INVESTIGATING, null, "fenfu-online");
        StatusSnapshot snapshot = build(
                List.of(
                        channel(1, "fenfu-online", 10, "分付", ChannelState.UNAVAILABLE, hold(1, 7), "alipay", "wechat"),
                        channel(2, "alipay", 20, "其他", ChannelState.DEGRADED),
                        channel(3, "wechat", 20, "其他", ChannelState.UNAVAILABLE)),
                List.of(fault),
                List.of());

        ChannelView online = snapshot.channel("fenfu-online").orElseThrow();
        assertThat(online.cause()).isEqualTo(fault);
        assertThat(online.openNotices()).containsExactly(fault);
        assertThat(online.alternatives()).extracting(ChannelRecord::slug).containsExactly("alipay");
        assertThat(snapshot.openNotices()).containsExactly(fault);
        assertThat(snapshot.notice(7)).contains(fault);
        assertThat(snapshot.channel("alipay").orElseThrow().openNotices()).isEmpty();
    }

    @Test
    void aMaintenanceWindowInProgressExplainsTheChannelItHolds() {
        MaintenanceRecord window = maintenance(5, "fenfu-online");
        StatusSnapshot snapshot = build(
                List.of(channel(
                        1,
                        "fenfu-online",
                        10,
                        "分付",
                        ChannelState.MAINTENANCE,
                        new StateHold(1, ChannelState.MAINTENANCE, StateHold.Source.MAINTENANCE, 5))),
                List.of(),
                List.of(window));

        ChannelView online = snapshot.channel("fenfu-online").orElseThrow();
        assertThat(online.cause()).isNull();
        assertThat(online.maintenance()).isEqualTo(window);
        assertThat(online.estimatedRecoveryAt()).isEqualTo(window.endsAt());
        assertThat(snapshot.maintenances()).containsExactly(window);
    }

    @Test
    void noticesResolvedBeforeTheRecentDaysColourTheUptimeBarsButAreNotShown() {
        NoticeRecord recent = notice(1, NoticeStatus.RESOLVED, NOW.minus(Duration.ofDays(2)), "alipay");
        NoticeRecord old = notice(2, NoticeStatus.RESOLVED, NOW.minus(Duration.ofDays(30)), "alipay");
        StatusSnapshot snapshot =
                build(List.of(channel(1, "alipay", 20, "其他", ChannelState.AVAILABLE)), List.of(recent, old), List.of());

        assertThat(snapshot.recentlyResolved()).containsExactly(recent);
        assertThat(snapshot.notice(2)).isEmpty();
        assertThat(snapshot.noticeSpans()).extracting(NoticeSpan::id).containsExactly(1L, 2L);
        assertThat(snapshot.openNotices()).isEmpty();
    }

    @Test
    void carriesTheRevisionTheTimeAndEachChannelsTimelineBySlug() {
        StateTimeline timeline =
                new StateTimeline("alipay", SnapshotBuilder.uptimeFrom(NOW), ChannelState.AVAILABLE, List.of());
        StatusSnapshot snapshot = SnapshotBuilder.build(new SnapshotBuilder.Sources(
                42,
                NOW,
                RECENT_FROM,
                SnapshotBuilder.uptimeFrom(NOW),
                List.of(channel(1, "alipay", 20, "其他", ChannelState.AVAILABLE)),
                List.of(),
                List.of(),
                List.of(timeline)));

        assertThat(snapshot.revision()).isEqualTo(42);
        assertThat(snapshot.builtAt()).isEqualTo(NOW);
        assertThat(snapshot.timelines()).containsExactly(Map.entry("alipay", timeline));
        assertThat(SnapshotBuilder.slugsById(List.of(channel(9, "alipay", 20, "其他", ChannelState.AVAILABLE))))
                .containsExactly(Map.entry(9L, "alipay"));
    }

    private static StatusSnapshot build(
            List<ChannelRecord> channels, List<NoticeRecord> notices, List<MaintenanceRecord> maintenances) {
        return SnapshotBuilder.build(new SnapshotBuilder.Sources(
                1, NOW, RECENT_FROM, SnapshotBuilder.uptimeFrom(NOW), channels, notices, maintenances, List.of()));
    }

    private static StateHold hold(long channelId, long noticeId) {
        return new StateHold(channelId, ChannelState.UNAVAILABLE, noticeId);
    }

    private static ChannelRecord channel(long id, String slug, long groupId, String group, ChannelState state) {
        return channel(id, slug, groupId, group, state, null);
    }

    private static ChannelRecord channel(
            long id, String slug, long groupId, String group, ChannelState state, StateHold hold, String... instead) {
        return new ChannelRecord(
                id,
                slug,
                slug + "（中文）",
                slug + " (en)",
                "",
                "",
                groupId,
                group,
                group + " (en)",
                (int) groupId,
                (int) id,
                state,
                state,
                hold == null ? List.of() : List.of(hold),
                NOW.minus(Duration.ofHours(1)),
                null,
                List.of(instead),
                List.of());
    }

    private static NoticeRecord notice(long id, NoticeStatus status, Instant resolvedAt, String slug) {
        return new NoticeRecord(
                id,
                "公告 " + id,
                NoticeKind.FAULT,
                status,
                Map.of(slug, ChannelState.UNAVAILABLE),
                null,
                resolvedAt == null ? NOW.minus(Duration.ofHours(1)) : resolvedAt.minus(Duration.ofHours(1)),
                "ops",
                resolvedAt,
                null,
                null,
                0,
                List.of());
    }

    private static MaintenanceRecord maintenance(long id, String slug) {
        return new MaintenanceRecord(
                id,
                "维护 " + id,
                "系统升级",
                List.of(slug),
                NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(1)),
                NOW.minus(Duration.ofHours(1)),
                null,
                NOW.minus(Duration.ofDays(1)),
                "ops",
                List.of());
    }
}
