package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.shared.OperatorAlert;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * An estimate that passes without an update stops being shown as a promise, in both languages, and
 * operators are reminded once (dashboard and robots); so are they for a notice without an update for
 * an hour. The events are recorded in the test's thread, where the test runs the job.
 */
@FullAppTest
@RecordApplicationEvents
class EstimatesKeptHonestTest extends HttpTestBase {

    @Autowired
    ChannelService channels;

    @Autowired
    IntegrationJobs jobs;

    @Autowired
    ApplicationEvents events;

    String slug;
    long notice;

    @BeforeEach
    void postNoticeWithEstimate() {
        slug = Monitoring.freshChannel(channels);
        notice = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "估计测试 %s", "kind": "fault", "message": "排查中",
                         "channels": {"%s": "unavailable"}, "estimatedRecoveryAt": "%s"}""".formatted(
                                slug, slug, clock.instant().plus(Duration.ofMinutes(30)))))
                .get("id")
                .asLong();
    }

    List<OperatorAlert> alerts(String kind) {
        return events.stream(OperatorAlert.class)
                .filter(a -> a.alertKind().equals(kind))
                .filter(a -> slug.equals(a.alertChannelSlug()))
                .toList();
    }

    @Test
    void aPassedEstimateIsNoLongerShownAsAPromiseAndOperatorsAreRemindedOnce() {
        assertThat(http.get("/channels/" + slug).body()).contains("预计 10:30 恢复");
        jobs.run();
        assertThat(alerts("notice.estimatePassed")).isEmpty();

        clock.advance(Duration.ofMinutes(31));

        assertThat(http.get("/channels/" + slug).body())
                .contains("已超过预计恢复时间，我们会尽快更新")
                .doesNotContain("预计 10:30 恢复（");
        assertThat(http.get("/channels/" + slug + "?lang=en").body())
                .contains("that time has passed, and we will update you as soon as we can");
        jobs.run();
        jobs.run();
        List<OperatorAlert> reminded = alerts("notice.estimatePassed");
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).alertTitle()).isEqualTo("公告 #" + notice + " 已超过预计恢复时间");
        assertThat(reminded.get(0).alertPath()).isEqualTo("/admin/notices/" + notice);
        assertThat(http.adminJson("GET", "/api/admin/notices/" + notice, "").statusCode())
                .isEqualTo(200);
        resolve();
    }

    @Test
    void aNoticeWithoutAnUpdateForAnHourRemindsOperators() {
        clock.advance(Duration.ofMinutes(59));
        jobs.run();
        assertThat(alerts("notice.stale")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        jobs.run();
        jobs.run();

        List<OperatorAlert> reminded = alerts("notice.stale");
        assertThat(reminded).hasSize(1);
        assertThat(reminded.get(0).alertTitle()).isEqualTo("公告 #" + notice + " 已 60 分钟没有更新");
        assertThat(jobs.reminders())
                .anyMatch(r -> r.noticeId() == notice && r.kind().equals("stale"));

        // an update restarts the count
        http.adminJson("POST", "/api/admin/notices/" + notice + "/updates", """
                {"status": "identified", "message": "已定位", "estimatedRecoveryAt": null}""");
        clock.advance(Duration.ofMinutes(30));
        jobs.run();
        assertThat(alerts("notice.stale")).hasSize(1);
        clock.advance(Duration.ofMinutes(30));
        jobs.run();
        assertThat(alerts("notice.stale")).hasSize(2);
        resolve();
    }

    private void resolve() {
        http.adminJson("POST", "/api/admin/notices/" + notice + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
    }
}
