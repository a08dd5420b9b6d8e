package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import com.paystatus.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A spike of user reports on a channel without an open notice reaches the operators: the dashboard
 * shows it with a one-click draft notice, and {@link ReportSpikeDetected} is published once for the
 * robots and webhooks. The typical count comes from the same hour of past weeks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:report-spikes;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({TestClockConfig.class, ReportSpikeAlertTest.Robots.class})
@DirtiesContext
class ReportSpikeAlertTest extends HttpTestBase {

    /** Stands in for the subscriptions feature's robots and webhooks: keeps what it hears. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Robots {
        final List<ReportSpikeDetected> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ReportSpikeDetected spike) {
            heard.add(spike);
        }
    }

    @Autowired
    ReportJobs jobs;

    @Autowired
    ReportReadModel readModel;

    @Autowired
    ReportCounter counter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Robots robots;

    private void stored(String slug, Symptom symptom, Instant minute, long reports) {
        jdbc.update(
                "insert into report_count (channel_slug, symptom, minute_start, reports) values (?, ?, ?, ?)",
                slug,
                symptom.code(),
                minute.atOffset(ZoneOffset.UTC),
                reports);
    }

    @Test
    void aSpikeWithoutANoticeShowsOnTheDashboardWithADraftAndAlertsTheRobotsOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // the same hour in the last four weeks: 40 reports of payment failures an hour on 分付线下扫码
        for (int w = 1; w <= 4; w++) {
            Instant hour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(7L * w));
            for (int m = 0; m < 60; m += 3) {
                stored("fenfu-offline", Symptom.PAYMENT_FAILED, hour.plus(Duration.ofMinutes(m)), 2);
            }
        }
        readModel.forget();
        jobs.flushAndRefresh();
        assertThat(readModel.of("fenfu-offline").typical15m()).isEqualTo(10);
        assertThat(readModel.spikes()).isEmpty();

        // now 60 people a minute for three minutes (from many networks: counted straight in)
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 60; i++) {
                counter.count("fenfu-offline", Symptom.PAYMENT_FAILED);
            }
            jobs.flushAndRefresh();
            jobs.announceSpikes();
            clock.advance(Duration.ofMinutes(1));
        }
        jobs.flushAndRefresh();
        jobs.announceSpikes();
        assertThat(readModel.spikes()).singleElement().satisfies(s -> {
            assertThat(s.channelSlug()).isEqualTo("fenfu-offline");
            assertThat(s.level()).isEqualTo(SpikeLevel.DETECTED);
            assertThat(s.since()).isEqualTo(now);
        });
        List<ReportSpikeDetected> heard = robots.heard;
        assertThat(heard).extracting(ReportSpikeDetected::level).containsExactly("detected");
        assertThat(heard.get(0).channelSlug()).isEqualTo("fenfu-offline");
        assertThat(heard.get(0).symptom()).isEqualTo("payment_failed");
        assertThat(readModel.of("fenfu-offline").signal()).isEqualTo("detected");
        // the public state is the operator's: unchanged
        assertThat(Http.json(http.get("/api/v2/components.json")).toString())
                .contains("\"reports_signal\":\"detected\"");

        WebSession operator = new WebSession(port);
        operator.login("admin", Http.ADMIN_PASSWORD);
        String dashboard = operator.get("/admin").body();
        assertThat(dashboard)
                .contains("用户反馈异常")
                .contains("id=\"spike-fenfu-offline-payment_failed\"")
                .contains("很可能有问题")
                .contains("href=\"/admin/notices/new?kind=fault&amp;channel=fenfu-offline&amp;state=degraded\"");
        String draft = operator.get("/admin/notices/new?kind=fault&channel=fenfu-offline&state=degraded")
                .body();
        assertThat(draft)
                .containsPattern(
                        "name=\"channels\\[fenfu-offline\\]\"[^>]*>(?:(?!</select>)[\\s\\S])*value=\"degraded\"\\s+selected");

        // the admin's view of reports per channel and symptom over time
        String history = operator.get("/admin/reports").body();
        assertThat(history)
                .contains("id=\"history-fenfu-offline-payment_failed\"")
                .contains("<td>180</td>")
                .contains("付款失败");

        // once a notice explains it, the dashboard no longer calls it out
        http.adminJson("POST", "/api/admin/notices", """
                {"title": "线下扫码付款失败", "kind": "fault", "message": "排查中",
                 "channels": {"fenfu-offline": "degraded"}, "estimatedRecoveryAt": null}""");
        assertThat(operator.get("/admin").body()).doesNotContain("spike-fenfu-offline");
        // the robots heard it once, not every minute
        jobs.announceSpikes();
        assertThat(heard).hasSize(1);
    }
}
