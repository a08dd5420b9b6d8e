package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystatus.channel.ChannelCreated;
import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelEdited;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.ChannelStateSet;
import com.paystatus.channel.SetState;
import com.paystatus.maintenance.ExtendMaintenance;
import com.paystatus.maintenance.MaintenanceCompleted;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.maintenance.MaintenanceExtended;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceScheduled;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.maintenance.MaintenanceStarted;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticePosted;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeUpdated;
import com.paystatus.notice.PostmortemWritten;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.shared.PublicChange;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a change reaches the public: a domain event marked {@link PublicChange}, published in the
 * writing transaction, bumps the revision there once and rebuilds the snapshot right after commit; a
 * change that rolls back leaves neither a bump nor an audit row.
 */
@FullAppTest
@RecordApplicationEvents
class PublicChangeFlowTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    ChannelService channels;

    @Autowired
    NoticeService notices;

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    StatusSnapshots snapshots;

    @Autowired
    StatusRevision revision;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PlatformTransactionManager transactions;

    private static ChannelDetails details(String slug, int order) {
        return new ChannelDetails("测试 " + slug, "Test " + slug, "", "", "测试", "Tests", order, List.of());
    }

    /**
     * Runs the change in a transaction of its own: inside it the revision has moved by exactly {@code
     * bumps} and the snapshot not at all; once it commits, the snapshot is at the new revision.
     */
    private <T> T change(int bumps, Supplier<T> write) {
        long before = revision.current();
        long served = snapshots.current().revision();
        T result = new TransactionTemplate(transactions).execute(tx -> {
            T written = write.get();
            assertThat(revision.current()).isEqualTo(before + bumps);
            assertThat(snapshots.current().revision()).isEqualTo(served);
            return written;
        });
        assertThat(revision.current()).isEqualTo(before + bumps);
        assertThat(snapshots.current().revision()).isEqualTo(before + bumps);
        return result;
    }

    @Test
    void eachPublicEventBumpsTheRevisionOnceAndRebuildsTheSnapshotAfterCommit() {
        String slug = "flow-channel-" + SEQUENCE.incrementAndGet();
        change(1, () -> channels.create(slug, details(slug, 1), "ops"));
        change(1, () -> channels.update(slug, details(slug, 2), "ops"));
        change(1, () -> channels.setState(slug, new SetState("degraded", "排查"), "ops"));
        change(1, () -> channels.setState(slug, new SetState("available", "恢复"), "ops"));

        NoticeRecord notice = change(
                1,
                () -> notices.post(
                        new NoticeDraft("事件流", "fault", "排查中", Map.of(slug, "unavailable"), null, Estimate.UNKNOWN),
                        "ops"));
        change(1, () -> notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops"));
        change(1, () -> notices.writePostmortem(notice.id(), "原因：配置错误。", "ops"));

        Instant now = clock.instant();
        MaintenanceRecord early = change(
                1,
                () -> maintenances.schedule(
                        new MaintenanceDraft(
                                "升级",
                                "夜间升级",
                                List.of(slug),
                                now.plus(Duration.ofHours(1)),
                                now.plus(Duration.ofHours(2))),
                        "ops"));
        change(1, () -> maintenances.startEarly(early.id(), "提前开始", "ops"));
        change(
                1,
                () -> maintenances.extend(
                        early.id(), new ExtendMaintenance(now.plus(Duration.ofHours(3)), "延长"), "ops"));
        change(1, () -> maintenances.completeEarly(early.id(), "提前完成", "ops"));

        MaintenanceRecord planned = change(
                1,
                () -> maintenances.schedule(
                        new MaintenanceDraft(
                                "计划",
                                "按时",
                                List.of(slug),
                                now.plus(Duration.ofHours(4)),
                                now.plus(Duration.ofHours(5))),
                        "ops"));
        try {
            clock.advance(Duration.ofHours(6));
            // whatever other tests left due comes due too: at least this window's start and end
            int written = new TransactionTemplate(transactions).execute(tx -> maintenances.recordDueTransitions());
            assertThat(written).isGreaterThanOrEqualTo(2);
        } finally {
            clock.set(now);
        }
        assertThat(snapshots.current().revision()).isEqualTo(revision.current());
        assertThat(events.stream(MaintenanceStarted.class))
                .anyMatch(e -> e.due() && e.maintenance().id() == planned.id());
        assertThat(events.stream(MaintenanceCompleted.class))
                .anyMatch(e -> e.due() && e.maintenance().id() == planned.id());

        Set<Class<?>> published =
                events.stream(PublicChange.class).map(Object::getClass).collect(Collectors.toSet());
        assertThat(published)
                .containsExactlyInAnyOrder(
                        ChannelCreated.class,
                        ChannelEdited.class,
                        ChannelStateSet.class,
                        NoticePosted.class,
                        NoticeUpdated.class,
                        PostmortemWritten.class,
                        MaintenanceScheduled.class,
                        MaintenanceStarted.class,
                        MaintenanceExtended.class,
                        MaintenanceCompleted.class);
    }

    @Test
    void aRolledBackChangeLeavesNeitherARevisionBumpNorAnAuditRowNorARebuild() {
        String slug = "flow-channel-" + SEQUENCE.incrementAndGet();
        channels.create(slug, details(slug, 1), "ops");
        long before = revision.current();
        long served = snapshots.current().revision();
        long audited = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            notices.post(
                    new NoticeDraft("回滚", "fault", "排查中", Map.of(slug, "unavailable"), null, Estimate.UNKNOWN), "ops");
            assertThat(revision.current()).isEqualTo(before + 1);
            tx.setRollbackOnly();
        });

        assertThat(revision.current()).isEqualTo(before);
        assertThat(snapshots.current().revision()).isEqualTo(served);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
                .isEqualTo(audited);
        assertThat(snapshots.current().channel(slug).orElseThrow().state()).isEqualTo(ChannelState.AVAILABLE);
        assertThat(snapshots.current().openNotices()).noneMatch(n -> n.title().equals("回滚"));
    }

    @Test
    void aPublicChangeOutsideATransactionIsRefused() {
        String slug = "flow-channel-" + SEQUENCE.incrementAndGet();
        var channel = channels.create(slug, details(slug, 1), "ops");
        long before = revision.current();
        assertThatThrownBy(() -> publisher.publishEvent(new ChannelStateSet(channel, ChannelState.AVAILABLE, "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(revision.current()).isEqualTo(before);
    }
}
