package com.paystatus.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A scheduler run with several transitions due at once: one revision, one rebuild, every transition
 * in the audit log and on every public page; and the hour-ahead announcement, once per window.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:maintenance-batch;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({TestClockConfig.class, MaintenanceSchedulerBatchTest.Announcements.class})
class MaintenanceSchedulerBatchTest extends HttpTestBase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant T0 = TestClockConfig.START;
    private static final int N = 5;

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    ChannelService channels;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Announcements announcements;

    /** Windows of earlier tests are put behind us, so that each test counts its own. */
    @BeforeEach
    void finishEarlierWindows() {
        clock.set(T0.plus(Duration.ofDays(1000)));
        maintenances.recordDueTransitions();
        clock.set(T0);
        announcements.heard.clear();
    }

    @AfterEach
    void finishOwnWindows() {
        finishEarlierWindows();
    }

    @Test
    void manyWindowsDueAtOnceMoveTheRevisionOnceAndEachIsAuditedAndShown() {
        List<String> slugs = new ArrayList<>();
        List<MaintenanceRecord> windows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String slug = newChannel();
            slugs.add(slug);
            windows.add(maintenances.schedule(
                    new MaintenanceDraft(
                            "批量维护 " + slug,
                            "同时开始",
                            List.of(slug),
                            T0.plus(Duration.ofHours(1)),
                            T0.plus(Duration.ofHours(3))),
                    "ops"));
        }
        clock.set(T0.plus(Duration.ofMinutes(61)));
        long revisionBefore = revision();

        assertThat(maintenances.recordDueTransitions()).isEqualTo(N);

        assertThat(revision()).isEqualTo(revisionBefore + 1);
        for (MaintenanceRecord window : windows) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_event where action = 'maintenance.due' and target = ?",
                            Integer.class,
                            "maintenance/" + window.id()))
                    .isEqualTo(1);
        }
        String index = http.get("/").body();
        String active = http.get("/api/v2/scheduled-maintenances/active.json").body();
        for (int i = 0; i < N; i++) {
            assertThat(index).contains("批量维护 " + slugs.get(i));
            assertThat(active).contains("批量维护 " + slugs.get(i));
            assertThat(http.get("/channels/" + slugs.get(i)).body()).contains("维护中");
        }
    }

    @Test
    void aWindowIsAnnouncedOnceWithinTheHourBeforeItStarts() {
        String slug = newChannel();
        MaintenanceRecord window = maintenances.schedule(
                new MaintenanceDraft(
                        "提前通知的维护", "两小时后开始", List.of(slug), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3))),
                "ops");
        long revisionBefore = revision();

        clock.set(T0.plus(Duration.ofMinutes(59)));
        maintenances.recordDueTransitions();
        assertThat(announcements.heard).isEmpty();

        clock.set(T0.plus(Duration.ofMinutes(61)));
        maintenances.recordDueTransitions();
        clock.set(T0.plus(Duration.ofMinutes(75)));
        maintenances.recordDueTransitions();

        assertThat(announcements.heard).singleElement().satisfies(soon -> {
            assertThat(soon.maintenance().id()).isEqualTo(window.id());
            assertThat(soon.startsIn()).isEqualTo(Duration.ofMinutes(59));
        });
        // the announcement changes nothing the public sees
        assertThat(revision()).isEqualTo(revisionBefore);
    }

    @Test
    void twoRunsAtOnceAnnounceAWindowOnce() throws Exception {
        String slug = newChannel();
        maintenances.schedule(
                new MaintenanceDraft(
                        "两个实例同时运行",
                        "两小时后开始",
                        List.of(slug),
                        T0.plus(Duration.ofHours(2)),
                        T0.plus(Duration.ofHours(3))),
                "ops");
        clock.set(T0.plus(Duration.ofMinutes(70)));
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            go.await();
            try {
                return maintenances.recordDueTransitions();
            } catch (OptimisticLockingFailureException collided) {
                return -1;
            }
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(pool.submit(run), pool.submit(run));
            go.countDown();
            for (Future<Integer> f : runs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // a later run (after a restart, say) finds it announced in the database
        maintenances.recordDueTransitions();

        assertThat(announcements.heard)
                .filteredOn(s -> s.maintenance().channels().contains(slug))
                .hasSize(1);
    }

    private long revision() {
        return jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
    }

    private String newChannel() {
        String slug = "batch-" + SEQUENCE.incrementAndGet();
        channels.create(slug, new ChannelDetails(slug, slug, "", "", "测试", "Tests", 1, List.of()), "test");
        return slug;
    }

    /** What a subscriber would hear: the announcements that committed. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Announcements {

        final List<MaintenanceStartingSoon> heard = new CopyOnWriteArrayList<>();

        @Bean
        AnnouncementListener announcementListener() {
            return new AnnouncementListener(heard);
        }
    }

    record AnnouncementListener(List<MaintenanceStartingSoon> heard) {

        @TransactionalEventListener
        void on(MaintenanceStartingSoon soon) {
            heard.add(soon);
        }
    }
}
