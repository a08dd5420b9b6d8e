package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Rules that let monitoring act alone: publish after the alert has fired without a break for the
 * rule's minutes (never in maintenance, optionally only with user reports), resolve what it published
 * after a quiet hold-down (never what an operator wrote), and one proposal however the alert flaps.
 * Time passes on the test clock; the job is run by the test.
 */
@FullAppTest
class AutomaticProposalsTest extends HttpTestBase {

    @Autowired
    ChannelService channels;

    @Autowired
    IntegrationJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    Monitoring monitoring;
    String slug;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(http);
        slug = Monitoring.freshChannel(channels);
    }

    void rule(String extra) {
        var created = http.adminJson("POST", "/api/admin/integrations/rules", """
                {"name": "auto %s", "matchers": {"probe": "%s"}, "channel": "%s", "state": "unavailable" %s}""".formatted(slug, slug, slug, extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    void alert(String status) {
        monitoring.accepted("generic", """
                {"id": "probe-%s", "status": "%s", "labels": {"probe": "%s"}, "summary": "拨测失败"}""".formatted(slug, status, slug));
    }

    String channelState() {
        return Http.json(http.adminJson("GET", "/api/admin/channels/" + slug, ""))
                .get("state")
                .asString();
    }

    JsonNode latest() {
        return monitoring.proposals(slug).get(0);
    }

    @Test
    void publishesByItselfOnlyAfterFiringContinuouslyForTheRulesMinutesAndSaysSo() {
        rule(", \"autoPublish\": true, \"autoPublishMinutes\": 5");
        alert("firing");

        clock.advance(Duration.ofMinutes(4));
        jobs.run();
        assertThat(latest().get("status").asString()).isEqualTo("open");
        assertThat(channelState()).isEqualTo("available");

        clock.advance(Duration.ofMinutes(1));
        jobs.run();

        JsonNode proposal = latest();
        assertThat(proposal.get("status").asString()).isEqualTo("published");
        assertThat(proposal.get("decidedBy").asString()).isEqualTo(Proposals.AUTOMATIC);
        assertThat(channelState()).isEqualTo("unavailable");
        long noticeId = proposal.get("noticeId").asLong();
        assertThat(http.get("/notices/" + noticeId).body()).contains("此条由监控告警自动发布");
        assertThat(jdbc.queryForObject(
                        "select actor from audit_event where action = 'proposal.autoPublish' and target = ?",
                        String.class,
                        "proposal/" + proposal.get("id").asLong()))
                .isEqualTo(Proposals.AUTOMATIC);
        assertThat(jdbc.queryForObject("select created_by from notice where id = ?", String.class, noticeId))
                .isEqualTo(Proposals.AUTOMATIC);
        resolveNotice(noticeId);
    }

    @Test
    void aBreakInFiringRestartsTheCountAndNothingIsPublishedInMaintenance() {
        rule(", \"autoPublish\": true");
        alert("firing");
        clock.advance(Duration.ofMinutes(3));
        alert("resolved");
        clock.advance(Duration.ofMinutes(1));
        alert("firing");
        clock.advance(Duration.ofMinutes(3));
        jobs.run();
        // 7 minutes since the first firing, but only 3 without a break
        assertThat(latest().get("status").asString()).isEqualTo("open");

        long maintenance = Http.json(http.adminJson("POST", "/api/admin/maintenances", """
                        {"title": "升级 %s", "message": "升级", "channels": ["%s"],
                         "startsAt": "%s", "endsAt": "%s"}""".formatted(
                                slug,
                                slug,
                                clock.instant().plus(Duration.ofMinutes(1)),
                                clock.instant().plus(Duration.ofHours(2)))))
                .get("id")
                .asLong();
        http.adminJson("POST", "/api/admin/maintenances/" + maintenance + "/start", "{}");
        assertThat(channelState()).isEqualTo("maintenance");
        clock.advance(Duration.ofMinutes(10));
        jobs.run();
        assertThat(latest().get("status").asString()).isEqualTo("open");
        http.adminJson("POST", "/api/admin/maintenances/" + maintenance + "/complete", "{}");
    }

    @Test
    void withReportsRequiredItWaitsForUsersToSaySoToo() {
        rule(", \"autoPublish\": true, \"requireReports\": true");
        alert("firing");
        clock.advance(Duration.ofMinutes(6));
        jobs.run();
        assertThat(latest().get("status").asString()).isEqualTo("open");

        jdbc.update(
                "insert into report_count (channel_slug, symptom, minute_start, reports) values (?, 'payment_failed', ?, 3)",
                slug,
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2))));
        ReflectionTestUtils.invokeMethod(context.getBean("reportJobs"), "flushAndRefresh");
        jobs.run();

        assertThat(latest().get("status").asString()).isEqualTo("published");
        resolveNotice(latest().get("noticeId").asLong());
    }

    @Test
    void resolvesWhatItPublishedOnlyAfterAQuietHoldDownAndFlappingYieldsOneProposal() {
        rule(", \"autoPublish\": true, \"autoResolve\": true, \"holdDownMinutes\": 10");
        alert("firing");
        // flapping before publication: still one proposal
        alert("resolved");
        alert("firing");
        assertThat(monitoring.proposals(slug)).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        jobs.run();
        long noticeId = latest().get("noticeId").asLong();

        alert("resolved");
        JsonNode resolve = latest();
        assertThat(resolve.get("action").asString()).isEqualTo("resolve");
        clock.advance(Duration.ofMinutes(6));
        alert("firing"); // flaps within the hold-down
        alert("resolved");
        clock.advance(Duration.ofMinutes(6));
        jobs.run();
        // 12 minutes since the first resolve, 6 since the last: not yet
        assertThat(monitoring.proposals(slug)).hasSize(2);
        assertThat(latest().get("id").asLong()).isEqualTo(resolve.get("id").asLong());
        assertThat(latest().get("status").asString()).isEqualTo("open");
        assertThat(channelState()).isEqualTo("unavailable");

        clock.advance(Duration.ofMinutes(4));
        jobs.run();

        assertThat(latest().get("status").asString()).isEqualTo("published");
        assertThat(channelState()).isEqualTo("available");
        assertThat(http.adminJson("GET", "/api/admin/notices/" + noticeId, "").body())
                .contains("\"status\":\"resolved\"")
                .contains("（此条由监控告警自动发布）");
    }

    @Test
    void neverResolvesANoticeAnOperatorPublished() {
        rule(", \"autoResolve\": true");
        alert("firing");
        long proposal = latest().get("id").asLong();
        long noticeId = Http.json(http.adminJson("POST", "/api/admin/proposals/" + proposal + "/publish", ""))
                .get("noticeId")
                .asLong();

        alert("resolved");
        assertThat(latest().get("action").asString()).isEqualTo("resolve");
        clock.advance(Duration.ofHours(1));
        jobs.run();

        assertThat(latest().get("status").asString()).isEqualTo("open");
        assertThat(channelState()).isEqualTo("unavailable");
        resolveNotice(noticeId);
    }

    @Test
    void aProposalWhoseAlertWentQuietIsDismissedAfterTheHoldDown() {
        monitoring.accepted("generic", Monitoring.generic("quiet-" + slug, "firing", slug, null));
        monitoring.accepted("generic", Monitoring.generic("quiet-" + slug, "resolved", slug, null));
        clock.advance(Duration.ofMinutes(9));
        jobs.run();
        assertThat(latest().get("status").asString()).isEqualTo("open");
        clock.advance(Duration.ofMinutes(1));
        jobs.run();
        assertThat(latest().get("status").asString()).isEqualTo("dismissed");
    }

    private void resolveNotice(long noticeId) {
        http.adminJson("POST", "/api/admin/notices/" + noticeId + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
    }
}
