package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import com.standardwebhooks.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks through the admin API to a real HTTP receiver on loopback: the test event on creation, the
 * Statuspage-shaped body, Standard Webhooks signatures checked with the library's own {@code verify},
 * retries with the same {@code webhook-id}, {@code 410 Gone} disabling the webhook, no redirects followed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-webhook;DB_CLOSE_DELAY=-1",
            "paystatus.notify.allow-private-targets=true",
            "paystatus.notify.poll=200ms"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class WebhookDeliveryTest extends HttpTestBase {

    static final Receiver RECEIVER = new Receiver();

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    record Added(long id, String secret) {}

    Added add(String path, String channels) {
        HttpResponse<String> added =
                http.adminJson("POST", "/api/admin/subscribers", """
                {"type": "webhook", "url": "%s", "channels": [%s], "audience": "public"}""".formatted(RECEIVER.url(path), channels));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode json = Http.json(added);
        return new Added(
                json.get("subscriber").get("id").asLong(), json.get("secret").asString());
    }

    void postNotice(String title, String channel) {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "fault", "message": "Looking into it.",
                 "channels": {"%s": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(title, channel));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    List<Receiver.Received> await(String path, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RECEIVER.at(path).size() >= count);
        return RECEIVER.at(path);
    }

    @Test
    void aNewWebhookIsSentASignedTestEventAndItsSecretOnceThenSignedStatuspageShapedNotices() throws Exception {
        Added hook = add("/signed", "\"fenfu-online\"");
        Receiver.Received test = RECEIVER.at("/signed").get(0);
        new Webhook(hook.secret()).verify(test.body(), test.headers());

        HttpResponse<String> listed = http.adminJson("GET", "/api/admin/subscribers", "");
        assertThat(listed.body())
                .doesNotContain(hook.secret())
                .doesNotContain("/signed")
                .contains("127.0.0.1/***");

        postNotice("Online shopping is down", "fenfu-online");

        Receiver.Received notice = await("/signed", 2).get(1);
        assertThatCode(() -> new Webhook(hook.secret()).verify(notice.body(), notice.headers()))
                .doesNotThrowAnyException();
        assertThat(notice.header("webhook-signature")).startsWith("v1,");
        JsonNode body = new tools.jackson.databind.json.JsonMapper().readTree(notice.body());
        assertThat(body.get("meta").get("unsubscribe").asString()).contains("/subscriptions/");
        assertThat(body.get("meta").has("generated_at")).isTrue();
        assertThat(body.get("page").get("status_indicator").asString()).isEqualTo("major");
        assertThat(body.get("incident").get("name").asString()).isEqualTo("Online shopping is down");
        assertThat(body.get("incident").get("status").asString()).isEqualTo("investigating");
        assertThat(body.get("incident")
                        .get("incident_updates")
                        .get(0)
                        .get("body")
                        .asString())
                .isEqualTo("Looking into it.");
        assertThatCode(() -> new Webhook(Secrets.webhookSecret()).verify(notice.body(), notice.headers()))
                .as("another secret does not verify")
                .isInstanceOf(Exception.class);
    }

    @Test
    void aDingTalkRobotIsSentATestMessageThenSignedNoticesAndItsUrlAndSecretAreNeverShown() throws Exception {
        String secret = "SEC" + "a1b2c3".repeat(10);
        try (RobotReceiver robot = new RobotReceiver()) {
            String url = robot.url("/robot/send?access_token=robot-credential-123456")
                    .toString();
            HttpResponse<String> added = http.adminJson("POST", "/api/admin/subscribers", """
                    {"type": "dingtalk", "url": "%s", "secret": "%s", "channels": ["fenfu-offline"],
                     "audience": "public"}""".formatted(url, secret));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(added.body()).doesNotContain(secret).doesNotContain("robot-credential-123456");
            assertThat(robot.received).as("the test message").hasSize(1);
            assertThat(http.adminJson("GET", "/api/admin/subscribers", "").body())
                    .doesNotContain(secret)
                    .doesNotContain("robot-credential-123456");

            postNotice("线下扫码付款失败", "fenfu-offline");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> robot.received.size() >= 2);
            RobotReceiver.Received notice = robot.received.get(1);
            JsonNode body = new tools.jackson.databind.json.JsonMapper().readTree(notice.body());
            assertThat(body.get("msgtype").asString()).isEqualTo("actionCard");
            assertThat(notice.body()).contains("线下扫码付款失败").contains("/notices/");
            // DingTalk's documented check: sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret))
            String query = notice.uri().getRawQuery();
            String timestamp = query.replaceAll(".*timestamp=(\\d+).*", "$1");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal((timestamp + "\n" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(query)
                    .contains("sign=" + java.net.URLEncoder.encode(expected, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRobotThatRefusesItsTestMessageIsNotSavedAndAWeComRobotTakesNoSecret() {
        try (RobotReceiver robot = new RobotReceiver()) {
            robot.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            long before = jdbc.queryForObject("select count(*) from subscriber", Long.class);
            HttpResponse<String> refused = http.adminJson(
                    "POST", "/api/admin/subscribers", """
                    {"type": "dingtalk", "url": "%s", "secret": "SECwrong", "channels": [], "audience": "public"}""".formatted(robot.url("/robot/send?access_token=x")));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("测试消息未被机器人接收");
            HttpResponse<String> weCom = http.adminJson(
                    "POST", "/api/admin/subscribers", """
                    {"type": "wecom", "url": "%s", "secret": "x", "channels": [], "audience": "public"}""".formatted(robot.url("/cgi-bin/webhook/send?key=k")));
            assertThat(weCom.statusCode()).isEqualTo(400);
            assertThat(weCom.body()).contains("secret");
            assertThat(jdbc.queryForObject("select count(*) from subscriber", Long.class))
                    .isEqualTo(before);
        }
    }

    @Test
    void aChannelsStateIsSentAsAComponentUpdate() {
        add("/component", "\"wechat-pay\"");
        HttpResponse<String> set = http.adminJson("PUT", "/api/admin/channels/wechat-pay/state", """
                {"state": "degraded", "reason": "Slow."}""");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonNode body = new tools.jackson.databind.json.JsonMapper()
                .readTree(await("/component", 2).get(1).body());

        assertThat(body.get("component").get("id").asString()).isEqualTo("wechat-pay");
        assertThat(body.get("component_update").get("old_status").asString()).isEqualTo("operational");
        assertThat(body.get("component_update").get("new_status").asString()).isEqualTo("degraded_performance");
    }

    @Test
    void aFailedDeliveryIsTriedAgainAfterFiveSecondsWithTheSameWebhookId() {
        add("/flaky", "\"fenfu-transit\"");
        RECEIVER.answers.add(500);
        postNotice("Flaky receiver", "fenfu-transit");
        Receiver.Received first = await("/flaky", 2).get(1);

        clock.advance(Duration.ofSeconds(6));

        Receiver.Received retry = await("/flaky", 3).get(2);
        assertThat(retry.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        var json = new tools.jackson.databind.json.JsonMapper();
        assertThat(json.readTree(retry.body()).get("incident"))
                .isEqualTo(json.readTree(first.body()).get("incident"));
    }

    @Test
    void aReceiverThatSaysGoneIsDisabledAndTheAdminsAreToldInTheAuditLog() {
        Added hook = add("/gone", "\"fenfu-repayment\"");
        RECEIVER.answers.add(410);
        postNotice("Gone receiver", "fenfu-repayment");
        await("/gone", 2);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from subscriber where id = ? and disabled_at is not null",
                                Integer.class,
                                hook.id())
                        == 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'subscriber.disable' and target = ?",
                        Integer.class,
                        "subscriber/" + hook.id()))
                .isEqualTo(1);
        postNotice("After gone", "fenfu-repayment");
        clock.advance(Duration.ofHours(1));
        assertThat(RECEIVER.at("/gone")).hasSize(2);
    }

    @Test
    void aRedirectIsNotFollowed() {
        add("/moved", "\"fenfu-offline\"");
        RECEIVER.answers.add(302);
        postNotice("Moved receiver", "fenfu-offline");
        await("/moved", 2);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from delivery where last_error = 'HTTP 302'", Integer.class)
                        == 1);
        assertThat(RECEIVER.at("/elsewhere")).isEmpty();
    }

    @Test
    void aWebhookThatFailsItsTestEventIsNotSaved() {
        RECEIVER.answers.add(500);
        int before = jdbc.queryForObject("select count(*) from subscriber", Integer.class);

        HttpResponse<String> refused =
                http.adminJson("POST", "/api/admin/subscribers", """
                {"type": "webhook", "url": "%s", "channels": [], "audience": "public"}""".formatted(RECEIVER.url("/broken")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"url\"");
        assertThat(jdbc.queryForObject("select count(*) from subscriber", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void deletingASubscriberRemovesItAndIsAudited() {
        Added hook = add("/deleted", "");
        HttpResponse<String> deleted = http.adminJson("DELETE", "/api/admin/subscribers/" + hook.id(), "");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from subscriber where id = ?", Integer.class, hook.id()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select details from audit_event where action = 'subscriber.delete' and target = ?",
                        String.class,
                        "subscriber/" + hook.id()))
                .contains("127.0.0.1/***")
                .doesNotContain("/deleted");
        assertThat(http.adminJson("DELETE", "/api/admin/subscribers/" + hook.id(), "")
                        .statusCode())
                .isEqualTo(404);
    }
}
