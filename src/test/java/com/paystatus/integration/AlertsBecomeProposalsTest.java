package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each monitoring format, posted as recorded, becomes what an operator sees: one proposal per channel
 * with its evidence, unmatched alerts kept for admins, nothing new when the same alert comes again;
 * rules decide before the {@code channel} label; a proposal publishes as a notice or is dismissed.
 */
@FullAppTest
class AlertsBecomeProposalsTest extends HttpTestBase {

    @Autowired
    ChannelService channels;

    @Autowired
    JdbcTemplate jdbc;

    Monitoring monitoring;
    String slug;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(http);
        slug = Monitoring.freshChannel(channels);
    }

    @Test
    void alertmanagerBatchProposesOnceForItsChannelAndKeepsTheUnmatchedAlertForAdmins() {
        String body = Monitoring.payload("alertmanager-v4.json", "fenfu-online", slug);

        JsonNode outcome = monitoring.accepted("alertmanager", body);

        assertThat(outcome.get("received").asInt()).isEqualTo(3);
        assertThat(outcome.get("unmatched").asInt()).isEqualTo(1);
        JsonNode proposal = monitoring.onlyProposal(slug);
        assertThat(proposal.get("status").asString()).isEqualTo("open");
        assertThat(proposal.get("action").asString()).isEqualTo("open");
        // the critical alert decides: unavailable, not the warning's degraded
        assertThat(proposal.get("state").asString()).isEqualTo("unavailable");
        JsonNode evidence = proposal.get("evidence");
        assertThat(evidence.get("summary").asString()).isEqualTo("分付线上支付失败率 38%（阈值 5%）");
        assertThat(evidence.get("link").asString()).startsWith("http://prometheus.example.com:9090/graph");
        assertThat(evidence.get("alerts").asInt()).isEqualTo(2);
        assertThat(evidence.get("since").asString()).isNotBlank();
        String unmatched =
                http.adminJson("GET", "/api/admin/integrations/unmatched", "").body();
        assertThat(unmatched).contains(slug + "-c3d8e1f4a5b60712").contains("db-3 的磁盘预计 4 小时内写满");
    }

    @Test
    void theSameAlertsSentAgainChangeNothing() {
        String body = Monitoring.payload("alertmanager-v4.json", "fenfu-online", slug);
        monitoring.accepted("alertmanager", body);
        int audited = audit("proposal.open");

        JsonNode again = monitoring.accepted("alertmanager", body);

        assertThat(again.get("changed").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(monitoring.proposals(slug)).hasSize(1);
        assertThat(audit("proposal.open")).isEqualTo(audited);
        // the same alert from another receiver (its own fingerprint space) is another alert, on the same proposal
        monitoring.accepted("generic", Monitoring.generic("x-" + slug, "firing", slug, null));
        assertThat(monitoring.proposals(slug)).hasSize(1);
    }

    @Test
    void aRuleDecidesChannelAndStateAndAlertsWithoutRuleOrChannelLabelStayUnmatched() {
        String grafana = Monitoring.payload("grafana-webhook.json", "fenfu-online", slug);
        // no rule yet, and Grafana's alert names the service, not a channel: unmatched
        assertThat(monitoring.accepted("grafana", grafana).get("unmatched").asInt())
                .isEqualTo(1);
        assertThat(monitoring.proposals(slug)).isEmpty();

        HttpResponse<String> rule = http.adminJson("POST", "/api/admin/integrations/rules", """
                {"name": "online critical", "matchers": {"service": "%s", "severity": "critical"},
                 "channel": "%s", "state": "unavailable"}""".formatted(slug, slug));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        String resent = grafana.replace("\"fingerprint\": \"" + slug + "-", "\"fingerprint\": \"again-" + slug + "-");
        assertThat(monitoring.accepted("grafana", resent).get("unmatched").asInt())
                .isZero();

        JsonNode proposal = monitoring.onlyProposal(slug);
        assertThat(proposal.get("state").asString()).isEqualTo("unavailable");
        assertThat(proposal.get("ruleId").asLong())
                .isEqualTo(Http.json(rule).get("id").asLong());
        assertThat(proposal.get("evidence").get("link").asString())
                .startsWith("https://grafana.example.com/alerting/grafana/");
    }

    @Test
    void withoutRuleAWarningOnAChannelProposesDegradedAndTheGenericStateIsTaken() {
        monitoring.accepted(
                "generic",
                Monitoring.generic("warn-" + slug, "firing", slug, null)
                        .replace("\"channel\"", "\"labels\": {\"severity\": \"warning\"}, \"channel\""));
        assertThat(monitoring.onlyProposal(slug).get("state").asString()).isEqualTo("degraded");

        String other = Monitoring.freshChannel(channels);
        monitoring.accepted("generic", Monitoring.payload("generic.json", "bank-card", other));
        JsonNode proposal = monitoring.onlyProposal(other);
        assertThat(proposal.get("state").asString()).isEqualTo("degraded");
        assertThat(proposal.get("evidence").get("summary").asString()).isEqualTo("银行卡支付到账延迟约 15 分钟");
    }

    @Test
    void aGenericAlertProposingAvailableIsRefusedAndSavesNothing() {
        HttpResponse<String> refused =
                monitoring.post("generic", Monitoring.generic("bad-" + slug, "firing", slug, "available"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("state").contains("告警只能建议 degraded 或 unavailable");
        assertThat(monitoring.proposals(slug)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from integration_alert where fingerprint = ?", Integer.class, "bad-" + slug))
                .isZero();
    }

    @Test
    void uptimeKumaDownProposesAndUpStartsTheQuietTime() {
        monitoring.accepted("uptime-kuma", Monitoring.payload("uptime-kuma-down.json", "fenfu-repayment", slug));
        JsonNode proposal = monitoring.onlyProposal(slug);
        assertThat(proposal.get("state").asString()).isEqualTo("unavailable");
        assertThat(proposal.get("evidence").get("summary").asString()).isEqualTo("timeout of 48000ms exceeded");
        assertThat(proposal.get("evidence").get("link").asString()).isEqualTo("https://repay.example.com/health");

        monitoring.accepted("uptime-kuma", Monitoring.payload("uptime-kuma-up.json", "fenfu-repayment", slug));
        JsonNode quiet = monitoring.onlyProposal(slug);
        assertThat(quiet.get("evidence").get("firingAlerts").asInt()).isZero();
        assertThat(quiet.get("evidence").get("quietSince").isNull()).isFalse();
    }

    @Test
    void grafanaSignatureIsHmacSha256OfTheBody() throws Exception {
        byte[] body =
                Monitoring.payload("grafana-webhook.json", "fenfu-online", slug).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(AlertReceiversController.signed(body, "s3cret", signature)).isTrue();
        assertThat(AlertReceiversController.signed(body, "s3cret", signature.toUpperCase()))
                .isTrue();
        assertThat(AlertReceiversController.signed(body, "other", signature)).isFalse();
        assertThat(AlertReceiversController.signed(body, "s3cret", null)).isFalse();
        // one known vector, so that the test does not only agree with itself
        assertThat(AlertReceiversController.signed(
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "key",
                        "a777724d943eb48dc69bca8a4a6d57a04db3f9ec7e1de4e581e860265bdf3032"))
                .isTrue();
    }

    @Test
    void publishingAProposalPostsTheEditedNoticeAndAResolvedAlertProposesResolvingIt() {
        monitoring.accepted("generic", Monitoring.generic("pub-" + slug, "firing", slug, "unavailable"));
        long id = monitoring.onlyProposal(slug).get("id").asLong();

        HttpResponse<String> published =
                http.adminJson("POST", "/api/admin/proposals/" + id + "/publish", """
                {"title": "测试通道暂不能使用 %s", "estimatedRecoveryAt": null}""".formatted(slug));

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        long noticeId = Http.json(published).get("noticeId").asLong();
        assertThat(http.get("/notices/" + noticeId).body())
                .contains("测试通道暂不能使用 " + slug)
                .contains("我们的监控发现此支付通道出现异常");
        assertThat(http.adminJson("GET", "/api/admin/channels/" + slug, "").body())
                .contains("\"state\":\"unavailable\"");
        assertThat(monitoring.onlyProposal(slug).get("status").asString()).isEqualTo("published");
        assertThat(http.adminJson("POST", "/api/admin/proposals/" + id + "/publish", "")
                        .statusCode())
                .isEqualTo(409);

        monitoring.accepted("generic", Monitoring.generic("pub-" + slug, "resolved", slug, "unavailable"));
        JsonNode resolve = monitoring.proposals(slug).get(0);
        assertThat(resolve.get("action").asString()).isEqualTo("resolve");
        assertThat(resolve.get("noticeId").asLong()).isEqualTo(noticeId);
        assertThat(http.adminJson(
                                "POST",
                                "/api/admin/proposals/" + resolve.get("id").asLong() + "/publish",
                                "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.adminJson("GET", "/api/admin/notices/" + noticeId, "").body())
                .contains("\"status\":\"resolved\"")
                .contains("监控显示已恢复正常。");
        assertThat(http.adminJson("GET", "/api/admin/channels/" + slug, "").body())
                .contains("\"state\":\"available\"");
    }

    @Test
    void aDismissedProposalPostsNothing() {
        monitoring.accepted("generic", Monitoring.generic("dis-" + slug, "firing", slug, null));
        long id = monitoring.onlyProposal(slug).get("id").asLong();

        assertThat(http.adminJson("POST", "/api/admin/proposals/" + id + "/dismiss", "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(monitoring.onlyProposal(slug).get("status").asString()).isEqualTo("dismissed");
        assertThat(http.adminJson("GET", "/api/admin/channels/" + slug, "").body())
                .contains("\"state\":\"available\"");
        assertThat(audit("proposal.dismiss")).isPositive();
    }

    private int audit(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Integer.class, action);
    }
}
