package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.security.UserService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an operator sees and clicks: the proposal on the dashboard with its evidence, published with
 * one click (or edited first), dismissed; rules added on the integrations page; support sees but
 * cannot act.
 */
@FullAppTest
class IntegrationPagesTest extends HttpTestBase {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "a long passphrase for tests";

    @Autowired
    ChannelService channels;

    @Autowired
    UserService users;

    Monitoring monitoring;
    String slug;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(http);
        slug = Monitoring.freshChannel(channels);
    }

    WebSession signedIn(String role) {
        String name = role + "-pages-" + SEQ.incrementAndGet() + "-" + Math.abs(slug.hashCode());
        UserService.WithPassword created = users.create(name, role);
        users.changeOwnPassword(name, created.password(), PASSWORD);
        WebSession session = new WebSession(port);
        session.login(name, PASSWORD);
        return session;
    }

    @Test
    void theDashboardShowsTheProposalWithItsEvidenceAndPublishesItInOneClick() {
        monitoring.accepted("alertmanager", Monitoring.payload("alertmanager-v4.json", "fenfu-online", slug));
        long id = monitoring.onlyProposal(slug).get("id").asLong();
        WebSession operator = signedIn("operator");

        String dashboard = operator.get("/admin").body();
        assertThat(dashboard)
                .contains("id=\"proposal-" + id + "\"")
                .contains("分付线上支付失败率 38%（阈值 5%）")
                .contains("告警 2 条，正在告警 2 条")
                .contains("href=\"http://prometheus.example.com:9090/graph?")
                .contains("action=\"/admin/proposals/" + id + "/publish\"");

        HttpResponse<String> published =
                operator.post("/admin", "/admin/proposals/" + id + "/publish", Map.of("back", "dashboard"));

        assertThat(WebSession.location(published)).contains("/admin/notices/");
        assertThat(Http.json(http.adminJson("GET", "/api/admin/channels/" + slug, ""))
                        .get("state")
                        .asString())
                .isEqualTo("unavailable");
        assertThat(operator.get("/admin").body()).doesNotContain("id=\"proposal-" + id + "\"");
        long notice = monitoring.onlyProposal(slug).get("noticeId").asLong();
        http.adminJson("POST", "/api/admin/notices/" + notice + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
    }

    @Test
    void anOperatorEditsThePrefilledNoticeOrDismissesAndSupportOnlyLooks() {
        monitoring.accepted("generic", Monitoring.generic("edit-" + slug, "firing", slug, null));
        long id = monitoring.onlyProposal(slug).get("id").asLong();
        WebSession support = signedIn("support");
        assertThat(support.get("/admin").body())
                .contains("id=\"proposal-" + id + "\"")
                .doesNotContain("/admin/proposals/" + id + "/publish");
        assertThat(support.postWithoutToken(
                                "/admin/proposals/" + id + "/dismiss", Map.of("_csrf", support.csrf("/admin")))
                        .statusCode())
                .isEqualTo(403);

        WebSession operator = signedIn("operator");
        assertThat(operator.get("/admin/integrations").body())
                .contains("value=\"测试 " + slug + "部分受影响\"")
                .contains("我们的监控发现此支付通道出现异常");
        operator.post("/admin/integrations", "/admin/proposals/" + id + "/dismiss", Map.of());
        assertThat(monitoring.onlyProposal(slug).get("status").asString()).isEqualTo("dismissed");
    }

    @Test
    void rulesAreAddedOnThePage() {
        WebSession operator = signedIn("operator");
        HttpResponse<String> saved = operator.post(
                "/admin/integrations",
                "/admin/integrations/rules",
                Map.of(
                        "name",
                        "页面规则 " + slug,
                        "matchers",
                        "service=\"" + slug + "\", severity=\"critical\"",
                        "channel",
                        slug,
                        "state",
                        "unavailable",
                        "autoPublishMinutes",
                        "5",
                        "holdDownMinutes",
                        "10"));
        assertThat(WebSession.location(saved)).endsWith("/admin/integrations");
        assertThat(operator.get("/admin/integrations").body())
                .contains("页面规则 " + slug)
                .contains("告警规则已保存。");

        monitoring.accepted("grafana", Monitoring.payload("grafana-webhook.json", "fenfu-online", slug));
        assertThat(monitoring.onlyProposal(slug).get("state").asString()).isEqualTo("unavailable");
    }
}
