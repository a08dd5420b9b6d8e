package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * 「我也遇到了」 as people use it: the card's form without JavaScript, the JSON door, one report per
 * browser and a handful per network, and the counts on the pages and in {@code /api/v2}, which never
 * change the official state. The test's client stands behind a trusted proxy, so that {@code
 * X-Forwarded-For} simulates people on many networks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:user-reports;DB_CLOSE_DELAY=-1",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@DirtiesContext
class UserReportsTest extends HttpTestBase {

    @Autowired
    ReportJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> form(String slug, String body, String from, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + "/channels/" + slug + "/reports"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request, headers);
    }

    private HttpResponse<String> json(String slug, String body, String from, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(http.base() + "/api/channels/" + slug + "/reports"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request, headers);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ReportGate.COOKIE_PREFIX))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private long stored(String slug) {
        Long n = jdbc.queryForObject(
                "select coalesce(sum(reports), 0) from report_count where channel_slug = ?", Long.class, slug);
        return n == null ? 0 : n;
    }

    private JsonNode facts(String slug) {
        JsonNode components = Http.json(http.get("/api/v2/components.json")).get("components");
        for (JsonNode c : components) {
            if (c.get("id").asString().equals(slug)) {
                return c.get("paystatus");
            }
        }
        throw new AssertionError("no component " + slug);
    }

    @Test
    void theCardsFormWorksWithoutJavaScriptAndThePageSaysWhatIsKnown() {
        String board = http.get("/").body();
        assertThat(board)
                .contains("action=\"/channels/fenfu-online/reports\"")
                .contains("name=\"symptom\" value=\"payment_failed\"")
                .contains("我也遇到了")
                .doesNotContain("_csrf");

        HttpResponse<String> posted = form("fenfu-online", "symptom=payment_failed", "198.51.100.7");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/channels/fenfu-online/reported"));
        assertThat(cookie(posted)).startsWith("ps_reported_fenfu-online=");
        assertThat(posted.headers().allValues("Set-Cookie").toString())
                .contains("HttpOnly")
                .contains("SameSite=Lax");

        jobs.flushAndRefresh();
        clock.advance(Duration.ofMinutes(1)); // the page may show counts up to a minute old
        HttpResponse<String> reported = http.get("/channels/fenfu-online/reported");
        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(reported.body())
                .contains("已收到你的反馈")
                .contains("过去 15 分钟 1 位用户反馈，此时段通常约 0 位")
                .contains("额度：")
                .contains("账户状态：")
                .contains("网络：")
                .contains("app 版本：")
                .doesNotContain("_csrf");
        assertThat(http.get("/channels/fenfu-online").body()).contains("过去 15 分钟 1 位用户反馈");
        assertThat(http.get("/channels/fenfu-online/reported?lang=en").body())
                .contains("1 user reports in the last 15 minutes; usually about 0 at this time");
    }

    @Test
    void theJsonDoorAnswers202AndWithAnOpenNoticeSaysItIsNotYou() {
        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "线下扫码失败", "kind": "fault", "message": "排查中",
                         "channels": {"fenfu-offline": "unavailable"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        HttpResponse<String> answer = json("fenfu-offline", "{\"symptom\": \"unavailable\"}", "198.51.100.8");
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = Http.json(answer);
        assertThat(body.get("counted").asBoolean()).isTrue();
        assertThat(body.get("official_state").asString()).isEqualTo("unavailable");
        assertThat(body.get("message").asString()).startsWith("是的，不是你的问题");
        assertThat(body.get("open_notice").get("id").asLong()).isEqualTo(id);
        assertThat(body.get("alternatives").size()).isPositive();
        assertThat(cookie(answer)).startsWith("ps_reported_fenfu-offline=");

        clock.advance(Duration.ofMinutes(1));
        String page = http.get("/channels/fenfu-offline/reported").body();
        assertThat(page).contains("是的，不是你的问题").contains("线下扫码失败").contains("可以先用");
    }

    @Test
    void oneBrowserCountsOncePerChannelAndOneNetworkAHandfulOfTimes() {
        long before = stored("alipay");
        HttpResponse<String> first = json("alipay", "{\"symptom\": \"cannot_open\"}", "192.0.2.10");
        String cookie = cookie(first);
        HttpResponse<String> again = json("alipay", "{\"symptom\": \"cannot_open\"}", "192.0.2.99", "Cookie", cookie);
        assertThat(Http.json(first).get("counted").asBoolean()).isTrue();
        assertThat(Http.json(again).get("counted").asBoolean()).isFalse();
        assertThat(again.statusCode()).isEqualTo(202);
        // a forged cookie counts as none
        HttpResponse<String> forged = json(
                "alipay",
                "{\"symptom\": \"cannot_open\"}",
                "203.0.113.1",
                "Cookie",
                "ps_reported_alipay=" + (clock.millis() / 1000 + 600) + ".AAAA");
        assertThat(Http.json(forged).get("counted").asBoolean()).isTrue();

        // a flood from one /24 without cookies: 1,000 posts from 256 addresses of 192.0.2.0/24
        int counted = 1; // 192.0.2.10 above
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> r = json("alipay", "{\"symptom\": \"other\"}", "192.0.2." + (i % 256));
            if (Http.json(r).get("counted").asBoolean()) {
                counted++;
            }
        }
        assertThat(counted).isEqualTo(5);
        // IPv6: one /48 is one network, whatever its /64s
        int v6 = 0;
        for (int i = 0; i < 50; i++) {
            if (Http.json(json("alipay", "{\"symptom\": \"other\"}", "2001:db8:7:" + Integer.toHexString(i) + "::1"))
                    .get("counted")
                    .asBoolean()) {
                v6++;
            }
        }
        assertThat(v6).isEqualTo(5);

        jobs.flushAndRefresh();
        assertThat(stored("alipay") - before).isEqualTo(5 + 1 + 5);
        // 30 minutes later the network may report again
        clock.advance(Duration.ofMinutes(31));
        assertThat(Http.json(json("alipay", "{\"symptom\": \"other\"}", "192.0.2.200"))
                        .get("counted")
                        .asBoolean())
                .isTrue();
        assertThat(Http.json(json("alipay", "{\"symptom\": \"other\"}", "192.0.2.200", "Cookie", cookie))
                        .get("counted")
                        .asBoolean())
                .as("the cookie expired with the window")
                .isTrue();
    }

    @Test
    void countsAreInTheApiBesideTheUnchangedStateAndDoNotBumpTheRevision() {
        long revision = jdbc.queryForObject("select revision from status_revision where id = 1", Long.class);
        for (int i = 0; i < 12; i++) {
            json("bank-card", "{\"symptom\": \"payment_failed\"}", "10." + i + ".0.1");
        }
        jobs.flushAndRefresh();
        clock.advance(Duration.ofMinutes(1));
        jobs.flushAndRefresh();
        JsonNode facts = facts("bank-card");
        assertThat(facts.get("reports_15m").asLong()).isEqualTo(12);
        assertThat(facts.get("reports_typical_15m").asLong()).isZero();
        assertThat(facts.get("reports_signal").asString()).isEqualTo("possible");
        assertThat(facts.get("state").asString()).isEqualTo("available");
        JsonNode summary = Http.json(http.get("/api/v2/summary.json"));
        boolean found = false;
        for (JsonNode c : summary.get("components")) {
            if (c.get("id").asString().equals("bank-card")) {
                assertThat(c.get("paystatus").get("reports_15m").asLong()).isEqualTo(12);
                assertThat(c.get("status").asString()).isEqualTo("operational");
                found = true;
            }
        }
        assertThat(found).isTrue();
        assertThat(jdbc.queryForObject("select revision from status_revision where id = 1", Long.class))
                .isEqualTo(revision);
        assertThat(http.get("/").body()).contains("用户反馈异常增多");
    }

    @Test
    void onlyCountsAreStored() {
        json("wechat-pay", "{\"symptom\": \"limit\"}", "198.51.100.77", "User-Agent", "UniqueAgent/1.0");
        jobs.flushAndRefresh();
        List<Map<String, Object>> columns = jdbc.queryForList(
                "select column_name from information_schema.columns where lower(table_name) = 'report_count'");
        assertThat(columns.stream().map(c -> c.get("COLUMN_NAME").toString().toLowerCase()))
                .containsExactlyInAnyOrder("channel_slug", "symptom", "minute_start", "reports");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from report_count");
        assertThat(rows).isNotEmpty();
        assertThat(rows.toString())
                .doesNotContain("198.51.100")
                .doesNotContain("UniqueAgent")
                .doesNotContain("ps_reported");
    }
}
