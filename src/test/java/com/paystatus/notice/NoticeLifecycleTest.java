package com.paystatus.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.SetState;
import com.paystatus.channel.StateChange;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notices and channel states together, through the services and a real (H2) database. */
@FullAppTest
class NoticeLifecycleTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    NoticeService notices;

    @Autowired
    ChannelService channels;

    @Autowired
    StatusSnapshots snapshots;

    @Autowired
    TestClock clock;

    /** A fresh channel per test, so tests sharing the database do not see each other's notices. */
    private String newChannel() {
        String slug = "test-channel-" + SEQUENCE.incrementAndGet();
        channels.create(
                slug, new ChannelDetails("测试 " + slug, "Test " + slug, "", "", "测试", "Tests", 1, List.of()), "test");
        return slug;
    }

    private NoticeRecord post(String title, Map<String, String> states, Instant eta) {
        return notices.post(new NoticeDraft(title, "fault", "正在排查", states, null, Estimate.at(eta)), "ops");
    }

    private ChannelState stateOf(String slug) {
        return channels.get(slug).state();
    }

    @Test
    void postingANoticePutsItsChannelsInTheGivenStatesOnThePublicSnapshot() {
        String online = newChannel();
        String offline = newChannel();
        Instant eta = clock.instant().plus(Duration.ofHours(2));

        NoticeRecord notice = post("分付暂不能使用", Map.of(online, "unavailable", offline, "degraded"), eta);

        assertThat(stateOf(online)).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(stateOf(offline)).isEqualTo(ChannelState.DEGRADED);
        var view = snapshots.current().channel(online).orElseThrow();
        assertThat(view.state()).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(view.cause().id()).isEqualTo(notice.id());
        assertThat(view.estimatedRecoveryAt()).isEqualTo(eta);
        assertThat(snapshots.current().openNotices())
                .extracting(NoticeRecord::id)
                .contains(notice.id());
    }

    @Test
    void resolvingTheLastNoticeMakesTheChannelAvailableAgain() {
        String slug = newChannel();
        NoticeRecord notice = post("分付暂不能使用", Map.of(slug, "unavailable"), null);

        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");

        assertThat(stateOf(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(snapshots.current().channel(slug).orElseThrow().isAvailable())
                .isTrue();
        assertThat(snapshots.current().recentlyResolved())
                .extracting(NoticeRecord::id)
                .contains(notice.id());
    }

    @Test
    void resolvingOneNoticeLeavesTheChannelHeldByAnotherOpenOne() {
        String slug = newChannel();
        NoticeRecord fault = post("服务器压力过大", Map.of(slug, "unavailable"), null);
        NoticeRecord review = notices.post(
                new NoticeDraft(
                        "合规审查调整", "compliance", "按监管要求调整", Map.of(slug, "compliance_review"), null, Estimate.UNKNOWN),
                "ops");

        notices.postUpdate(fault.id(), new UpdateDraft("resolved", "故障已修复", null, null), "ops");

        assertThat(stateOf(slug)).isEqualTo(ChannelState.COMPLIANCE_REVIEW);
        var view = snapshots.current().channel(slug).orElseThrow();
        assertThat(view.cause().id()).isEqualTo(review.id());

        notices.postUpdate(review.id(), new UpdateDraft("resolved", "审查结束", null, null), "ops");
        assertThat(stateOf(slug)).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void everyChangeOfWhatThePublicSeesIsKeptInTheHistory() {
        String slug = newChannel();
        clock.advance(Duration.ofMinutes(1));
        NoticeRecord notice = post("分付暂不能使用", Map.of(slug, "unavailable"), null);
        clock.advance(Duration.ofMinutes(30));
        notices.postUpdate(notice.id(), new UpdateDraft("identified", "已定位", Estimate.UNKNOWN, null), "ops");
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops2");

        List<StateChange> history = channels.get(slug).recentChanges();
        assertThat(history)
                .extracting(StateChange::from, StateChange::to, StateChange::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChannelState.UNAVAILABLE, ChannelState.AVAILABLE, "ops2"),
                        org.assertj.core.groups.Tuple.tuple(ChannelState.AVAILABLE, ChannelState.UNAVAILABLE, "ops"),
                        org.assertj.core.groups.Tuple.tuple(null, ChannelState.AVAILABLE, "test"));
        assertThat(history.get(1).noticeId()).isEqualTo(notice.id());
        assertThat(history.get(1).reason()).isEqualTo("分付暂不能使用");
        assertThat(channels.get(slug).since()).isEqualTo(clock.instant());
    }

    @Test
    void aStateSetDirectlyCombinesWithNoticesAndTheWorstWins() {
        String slug = newChannel();
        channels.setState(slug, new SetState("maintenance", "夜间升级"), "ops");
        assertThat(stateOf(slug)).isEqualTo(ChannelState.MAINTENANCE);
        assertThat(snapshots.current().channel(slug).orElseThrow().reason()).isEqualTo("夜间升级");

        NoticeRecord notice = post("分付暂不能使用", Map.of(slug, "unavailable"), null);
        ChannelRecord afterSettingAvailable = channels.setState(slug, new SetState("available", "升级完成"), "ops");
        assertThat(afterSettingAvailable.state()).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(afterSettingAvailable.heldByNotices()).containsExactly(notice.id());

        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
        assertThat(stateOf(slug)).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String slug = newChannel();
        long revision = snapshots.current().revision();
        int open = snapshots.current().openNotices().size();

        assertThatThrownBy(() -> notices.post(
                        new NoticeDraft(
                                " ",
                                "bogus",
                                "",
                                Map.of(slug, "broken", "no-such-channel", "unavailable"),
                                null,
                                Estimate.at(clock.instant().minusSeconds(60))),
                        "ops"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidInputException.Violation::field)
                                // blank title and message are the command's constraints (NoticeCommandsTest)
                                .containsExactlyInAnyOrder(
                                        "kind", "channels", "channels[" + slug + "]", "estimatedRecoveryAt"));

        assertThat(stateOf(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(channels.get(slug).recentChanges()).hasSize(1);
        assertThat(snapshots.current().revision()).isEqualTo(revision);
        assertThat(snapshots.current().openNotices()).hasSize(open);
    }

    @Test
    void aResolvedNoticeUpdatedAgainIsAConflictAndChangesNothing() {
        String slug = newChannel();
        NoticeRecord notice = post("分付暂不能使用", Map.of(slug, "unavailable"), null);
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");

        assertThatThrownBy(() -> notices.postUpdate(
                        notice.id(), new UpdateDraft("investigating", "又坏了", Estimate.UNKNOWN, null), "ops"))
                .isInstanceOf(ConflictException.class);
        assertThat(notices.get(notice.id()).updates()).hasSize(2);
        assertThat(stateOf(slug)).isEqualTo(ChannelState.AVAILABLE);
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsAConflict() {
        String slug = newChannel();
        NoticeRecord notice = post("分付暂不能使用", Map.of(slug, "unavailable"), null);
        notices.postUpdate(
                notice.id(), new UpdateDraft("identified", "已定位", Estimate.UNKNOWN, notice.version()), "alice");

        assertThatThrownBy(() -> notices.postUpdate(
                        notice.id(), new UpdateDraft("monitoring", "已修复", Estimate.UNKNOWN, notice.version()), "bob"))
                .isInstanceOf(ConflictException.class);
        assertThat(notices.get(notice.id()).status()).isEqualTo(NoticeStatus.IDENTIFIED);
    }
}
