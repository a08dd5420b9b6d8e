package com.paystatus.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.TestClock;
import com.paystatus.support.TestClockConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Maintenance windows over time, with the clock in the test's hands and the scheduler's work called by hand. */
@FullAppTest
class MaintenanceWindowTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant T0 = TestClockConfig.START;

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    NoticeService notices;

    @Autowired
    ChannelService channels;

    @Autowired
    StatusSnapshots snapshots;

    @Autowired
    TestClock clock;

    /** Earlier tests' windows are put behind us, so that counts speak of this test's window only. */
    @BeforeEach
    void finishEarlierWindows() {
        clock.set(T0.plus(Duration.ofDays(1000)));
        maintenances.recordDueTransitions();
        clock.set(T0);
    }

    @AfterEach
    void resetClock() {
        clock.set(T0);
    }

    private String newChannel() {
        String slug = "maint-" + SEQUENCE.incrementAndGet();
        channels.create(slug, new ChannelDetails(slug, slug, "", "", "测试", "Tests", 1, List.of()), "test");
        return slug;
    }

    /** A window from 1 hour to 3 hours after the test clock's start. */
    private MaintenanceRecord window(String... slugs) {
        return maintenances.schedule(
                new MaintenanceDraft("系统升级维护", "分付系统升级", List.of(slugs), T0.plus(hours(1)), T0.plus(hours(3))), "ops");
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    private ChannelState publicState(String slug) {
        return snapshots.current().channel(slug).orElseThrow().state();
    }

    private List<StateChange> history(String slug) {
        return channels.get(slug).recentChanges();
    }

    @Test
    void aScheduledWindowIsUpcomingAndChangesNothingYet() {
        String slug = newChannel();
        MaintenanceRecord m = window(slug);

        assertThat(m.status(clock.instant())).isEqualTo(MaintenanceStatus.SCHEDULED);
        assertThat(snapshots.current().maintenances(MaintenanceStatus.SCHEDULED, clock.instant()))
                .extracting(MaintenanceRecord::id)
                .contains(m.id());
        assertThat(publicState(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(maintenances.recordDueTransitions()).isZero();
    }

    @Test
    void atItsStartTheChannelsGoToMaintenanceAndAtItsEndBackRecordedWhenDue() {
        String slug = newChannel();
        window(slug);

        clock.set(T0.plus(Duration.ofMinutes(61)));
        assertThat(maintenances.recordDueTransitions()).isEqualTo(1);
        assertThat(publicState(slug)).isEqualTo(ChannelState.MAINTENANCE);
        var view = snapshots.current().channel(slug).orElseThrow();
        assertThat(view.maintenance()).isNotNull();
        assertThat(view.estimatedRecoveryAt()).isEqualTo(T0.plus(hours(3)));

        clock.set(T0.plus(Duration.ofMinutes(181)));
        assertThat(maintenances.recordDueTransitions()).isEqualTo(1);
        assertThat(publicState(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(history(slug))
                .extracting(StateChange::to, StateChange::at, StateChange::by)
                .startsWith(
                        tuple(ChannelState.AVAILABLE, T0.plus(hours(3)), "scheduler"),
                        tuple(ChannelState.MAINTENANCE, T0.plus(hours(1)), "scheduler"));
        // running again writes nothing twice
        assertThat(maintenances.recordDueTransitions()).isZero();
        assertThat(history(slug)).hasSize(3);
    }

    @Test
    void anOpenFaultNoticeStillHoldsItsChannelWhenTheWindowEnds() {
        String slug = newChannel();
        window(slug);
        clock.set(T0.plus(Duration.ofMinutes(90)));
        maintenances.recordDueTransitions();
        NoticeRecord fault = notices.post(
                new NoticeDraft("升级后付款失败", "fault", "排查中", Map.of(slug, "unavailable"), null, Estimate.UNKNOWN), "ops");
        assertThat(publicState(slug)).isEqualTo(ChannelState.UNAVAILABLE);

        clock.set(T0.plus(Duration.ofMinutes(200)));
        maintenances.recordDueTransitions();
        assertThat(publicState(slug)).isEqualTo(ChannelState.UNAVAILABLE);

        notices.postUpdate(fault.id(), new UpdateDraft("resolved", "已修复", null, null), "ops");
        assertThat(publicState(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(history(slug))
                .extracting(StateChange::to)
                .containsExactly(
                        ChannelState.AVAILABLE,
                        ChannelState.UNAVAILABLE,
                        ChannelState.MAINTENANCE,
                        ChannelState.AVAILABLE);
    }

    @Test
    void aFaultBeforeTheWindowKeepsTheWorseStateThroughout() {
        String slug = newChannel();
        NoticeRecord fault = notices.post(
                new NoticeDraft("分付暂不能使用", "fault", "排查中", Map.of(slug, "unavailable"), null, Estimate.UNKNOWN), "ops");
        window(slug);
        clock.set(T0.plus(Duration.ofMinutes(90)));
        assertThat(maintenances.recordDueTransitions()).isEqualTo(1);
        assertThat(publicState(slug)).isEqualTo(ChannelState.UNAVAILABLE);

        notices.postUpdate(fault.id(), new UpdateDraft("resolved", "已修复", null, null), "ops");
        assertThat(publicState(slug)).isEqualTo(ChannelState.MAINTENANCE);
    }

    @Test
    void anOperatorCanStartEarlyAndTheScheduledStartThenAddsNothing() {
        String slug = newChannel();
        MaintenanceRecord m = window(slug);
        clock.set(T0.plus(Duration.ofMinutes(30)));

        MaintenanceRecord started = maintenances.startEarly(m.id(), "提前开始", "ops");

        assertThat(started.status(clock.instant())).isEqualTo(MaintenanceStatus.IN_PROGRESS);
        assertThat(publicState(slug)).isEqualTo(ChannelState.MAINTENANCE);
        assertThat(history(slug).get(0).at()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        clock.set(T0.plus(Duration.ofMinutes(70)));
        assertThat(maintenances.recordDueTransitions()).isZero();
        assertThatThrownBy(() -> maintenances.startEarly(m.id(), "", "ops")).isInstanceOf(ConflictException.class);
    }

    @Test
    void anExtendedWindowEndsAtItsNewEnd() {
        String slug = newChannel();
        MaintenanceRecord m = window(slug);
        clock.set(T0.plus(Duration.ofMinutes(90)));
        maintenances.recordDueTransitions();

        maintenances.extend(m.id(), new ExtendMaintenance(T0.plus(hours(4)), "需要更多时间"), "ops");
        clock.set(T0.plus(Duration.ofMinutes(190)));
        assertThat(maintenances.recordDueTransitions()).isZero();
        assertThat(publicState(slug)).isEqualTo(ChannelState.MAINTENANCE);
        assertThat(snapshots.current().channel(slug).orElseThrow().estimatedRecoveryAt())
                .isEqualTo(T0.plus(hours(4)));

        clock.set(T0.plus(Duration.ofMinutes(241)));
        assertThat(maintenances.recordDueTransitions()).isEqualTo(1);
        assertThat(publicState(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(history(slug).get(0).at()).isEqualTo(T0.plus(hours(4)));
    }

    @Test
    void anOperatorCanCompleteEarlyOrCancelBeforeTheStart() {
        String slug = newChannel();
        MaintenanceRecord m = window(slug);
        clock.set(T0.plus(Duration.ofMinutes(90)));
        maintenances.recordDueTransitions();
        clock.set(T0.plus(Duration.ofMinutes(100)));

        maintenances.completeEarly(m.id(), "提前完成", "ops");
        assertThat(publicState(slug)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(history(slug).get(0).at()).isEqualTo(T0.plus(Duration.ofMinutes(100)));
        assertThatThrownBy(() -> maintenances.completeEarly(m.id(), "", "ops")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> maintenances.extend(m.id(), new ExtendMaintenance(T0.plus(hours(5)), ""), "ops"))
                .isInstanceOf(ConflictException.class);

        String other = newChannel();
        clock.set(T0);
        MaintenanceRecord cancelled = window(other);
        maintenances.completeEarly(cancelled.id(), "取消", "ops");
        clock.set(T0.plus(hours(2)));
        assertThat(maintenances.recordDueTransitions()).isZero();
        assertThat(publicState(other)).isEqualTo(ChannelState.AVAILABLE);
        assertThat(history(other)).hasSize(1);
    }

    @Test
    void aWindowMissedWhileTheAppWasDownIsWrittenAtItsRealTimes() {
        String slug = newChannel();
        window(slug);
        clock.set(T0.plus(hours(5))); // nobody ran the scheduler during the whole window

        assertThat(maintenances.recordDueTransitions()).isEqualTo(2);
        assertThat(history(slug))
                .extracting(StateChange::to, StateChange::at)
                .startsWith(
                        tuple(ChannelState.AVAILABLE, T0.plus(hours(3))),
                        tuple(ChannelState.MAINTENANCE, T0.plus(hours(1))));
    }

    @Test
    void twoInstancesRunningTheSchedulerAtOnceWriteEachTransitionOnce() throws Exception {
        String slug = newChannel();
        window(slug);
        clock.set(T0.plus(Duration.ofMinutes(61)));

        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(() -> {
                try {
                    return maintenances.recordDueTransitions();
                } catch (RuntimeException lostTheRace) {
                    return 0;
                }
            });
        }
        int written = 0;
        for (var result : pool.invokeAll(both)) {
            written += result.get();
        }
        pool.shutdown();

        assertThat(written).isEqualTo(1);
        assertThat(history(slug))
                .extracting(StateChange::to)
                .containsExactly(ChannelState.MAINTENANCE, ChannelState.AVAILABLE);
    }

    @Test
    void badWindowsAreRefusedWithEveryProblemAndChangeNothing() {
        int before = snapshots.current().maintenances().size();
        assertThatThrownBy(() -> maintenances.schedule(
                        new MaintenanceDraft("", "", List.of("no-such"), T0.minus(hours(1)), T0.minus(hours(2))),
                        "ops"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(InvalidInputException.Violation::field)
                                // blank title and message are the command's constraints (MaintenanceCommandsTest)
                                .containsExactlyInAnyOrder("channels", "startsAt", "endsAt"));
        assertThatThrownBy(() -> maintenances.schedule(
                        new MaintenanceDraft("t", "m", List.of(), T0.plus(hours(1)), null), "ops"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(snapshots.current().maintenances()).hasSize(before);
    }
}
