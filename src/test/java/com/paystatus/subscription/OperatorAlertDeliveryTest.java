package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.report.ReportSpikeDetected;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import com.standardwebhooks.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' alerts (every {@link com.paystatus.shared.OperatorAlert}, here a spike of user reports)
 * reach the webhooks and robots marked {@code operators}, through the outbox, signed and retried like
 * any delivery, and never the public ones; a throttled robot's backlog arrives merged into one message.
 * Real HTTP receivers on loopback. Same configuration as {@link WebhookDeliveryTest}, so it shares its
 * context (loopback targets allowed, a fast poll).
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
class OperatorAlertDeliveryTest extends HttpTestBase {

    static final Receiver RECEIVER = new Receiver();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    private JsonNode add(String type, String url, String channels, String audience) {
        HttpResponse<String> added =
                http.adminJson("POST", "/api/admin/subscribers", """
                {"type": "%s", "url": "%s", "channels": [%s], "audience": "%s"}""".formatted(type, url, channels, audience));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Http.json(added);
    }

    private static ReportSpikeDetected spike(String slug, long reports) {
        return new ReportSpikeDetected(slug, "payment_failed", "detected", reports, 10.0, TestClockConfig.START);
    }

    @Test
    void aSpikeReachesTheOperatorsWebhookSignedAndTheirRobotButNoPublicSubscriber() throws Exception {
        JsonNode operators = add("webhook", RECEIVER.url("/ops"), "", "operators");
        String secret = operators.get("secret").asString();
        long publicHook = add("webhook", RECEIVER.url("/public"), "", "public")
                .get("subscriber")
                .get("id")
                .asLong();
        try (RobotReceiver offline = new RobotReceiver();
                RobotReceiver online = new RobotReceiver()) {
            add(
                    "wecom",
                    offline.url("/cgi-bin/webhook/send?key=ops-offline").toString(),
                    "\"fenfu-offline\"",
                    "operators");
            long onlineRobot = add(
                            "wecom",
                            online.url("/cgi-bin/webhook/send?key=ops-online").toString(),
                            "\"fenfu-online\"",
                            "operators")
                    .get("subscriber")
                    .get("id")
                    .asLong();
            RECEIVER.answers.add(500); // the first try fails: retried after 5 s with the same webhook-id

            events.publishEvent(spike("fenfu-offline", 61));

            Receiver.Received failed = Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> RECEIVER.at("/ops"), r -> r.size() >= 2)
                    .get(1);
            clock.advance(Duration.ofSeconds(6));
            Receiver.Received alert = Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> RECEIVER.at("/ops"), r -> r.size() >= 3)
                    .get(2);
            assertThat(alert.header("webhook-id")).isEqualTo(failed.header("webhook-id"));
            new Webhook(secret).verify(alert.body(), alert.headers());
            JsonNode body = new JsonMapper().readTree(alert.body());
            assertThat(body.get("alert").get("kind").asString()).isEqualTo("report.spike");
            assertThat(body.get("alert").get("channel").asString()).isEqualTo("fenfu-offline");
            assertThat(body.get("alert").get("title").asString())
                    .contains("很可能有问题")
                    .contains("付款失败");
            assertThat(body.get("alert").get("text").asString()).contains("过去 5 分钟 61 位用户反馈");
            assertThat(body.get("alert").get("url").asString()).endsWith("/admin");

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> offline.received.size() >= 2);
            assertThat(offline.received.get(1).body()).contains("很可能有问题").contains("/admin");

            // the robot that watches another channel, and the public webhook, hear nothing of it: the
            // fan-out (one transaction, done once any delivery of it exists) made no delivery for them
            assertThat(jdbc.queryForObject(
                            "select count(*) from delivery where subscriber_id in (?, ?)",
                            Integer.class,
                            publicHook,
                            onlineRobot))
                    .isZero();
            assertThat(online.received).as("only its test message").hasSize(1);
            assertThat(RECEIVER.at("/public")).as("only its test event").hasSize(1);
        }
    }

    @Test
    void aThrottledRobotsBacklogArrivesAsOneMessageSayingHowManyUpdatesSinceWhen() {
        try (RobotReceiver robot = new RobotReceiver()) {
            add("wecom", robot.url("/cgi-bin/webhook/send?key=ops-throttled").toString(), "", "operators");
            long id = jdbc.queryForObject("select max(id) from subscriber", Long.class);
            // WeCom takes 20 a minute: ten at once, then one every 6 s (the test message is not counted)
            for (int i = 1; i <= 10; i++) {
                events.publishEvent(spike("burst-" + i, 100 + i));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> robot.received.size() >= 11);
            assertThat(robot.received.subList(1, 11))
                    .allSatisfy(r -> assertThat(r.body()).doesNotContain("条更新"));

            String since =
                    DateTimeFormatter.ofPattern("HH:mm").format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")));
            for (int i = 1; i <= 3; i++) {
                events.publishEvent(spike("held-" + i, 200 + i));
            }
            // held back, not sent, not given up
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from delivery where subscriber_id = ? and status = 'pending'"
                                            + " and last_error = 'throttled'",
                                    Integer.class,
                                    id)
                            == 3);
            assertThat(robot.received).hasSize(11);

            clock.advance(Duration.ofSeconds(7));

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> robot.received.size() >= 12);
            String merged = robot.received.get(11).body();
            assertThat(merged)
                    .contains("自 " + since + " 以来共 3 条更新")
                    .contains("held-1")
                    .contains("held-2")
                    .contains("过去 5 分钟 203 位用户反馈");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from delivery where subscriber_id = ? and status = 'delivered'",
                                    Integer.class,
                                    id)
                            == 13);
            assertThat(robot.received).hasSize(12);
        }
    }

    @Test
    void aReceiverSwitchedOffForSayingGoneIsToldToTheOperators() throws Exception {
        add("webhook", RECEIVER.url("/ops-watch"), "", "operators");
        try (Receiver gone = new Receiver()) {
            long hook = add("webhook", gone.url("/gone"), "\"fenfu-repayment\"", "public")
                    .get("subscriber")
                    .get("id")
                    .asLong();
            gone.answers.add(410);
            assertThat(http.adminJson("PUT", "/api/admin/channels/fenfu-repayment/state", """
                            {"state": "degraded", "reason": "Slow."}""")
                            .statusCode())
                    .isEqualTo(200);
            try {
                Receiver.Received told = Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(
                                () -> RECEIVER.at("/ops-watch").stream()
                                        .filter(r -> r.body().contains("subscriber.disabled"))
                                        .toList(),
                                r -> !r.isEmpty())
                        .get(0);
                JsonNode alert = new JsonMapper().readTree(told.body()).get("alert");
                assertThat(alert.get("title").asString()).contains("已停用");
                assertThat(alert.get("text").asString()).contains("410 Gone").doesNotContain("/gone");
                assertThat(jdbc.queryForObject(
                                "select count(*) from subscriber where id = ? and disabled_at is not null",
                                Integer.class,
                                hook))
                        .isEqualTo(1);
            } finally {
                http.adminJson("PUT", "/api/admin/channels/fenfu-repayment/state", """
                        {"state": "available", "reason": "Back."}""");
            }
        }
    }
}
