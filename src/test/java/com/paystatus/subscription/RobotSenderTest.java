package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.shared.OperatorTexts;
import com.paystatus.subscription.RobotResult.Outcome;
import com.paystatus.support.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each vendor's robot gets its own message format, signed as the vendor documents it (the signatures
 * are worked out again here, from the documented steps, not with the code under test), and each
 * vendor's error codes say whether to try again.
 */
class RobotSenderTest {

    static final Instant NOW = Instant.parse("2026-11-25T06:02:00.123Z");
    static final String SECRET = "SECb1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2";

    final JsonMapper json = JsonMapper.builder().build();
    final TestClock clock = new TestClock(NOW);
    final RobotReceiver receiver = new RobotReceiver();
    final RobotSender sender = new RobotSender(json, OperatorTexts.messageBundle(), clock);

    static RobotMessage message(String language) {
        return new RobotMessage(
                "分付暂不能使用",
                "排查中：部分用户付款失败",
                "**排查中**：部分用户付款失败\n\n恢复时间待定",
                "https://status.example.com/notices/42",
                NOW,
                language);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void weComGetsAMarkdownMessageWithTheLink() {
        RobotResult result = sender.send(
                RobotType.WECOM, receiver.url("/cgi-bin/webhook/send?key=693a91f6-7xxx"), null, message("zh"));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        var got = receiver.received.get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.contentType()).startsWith("application/json");
        assertThat(got.uri().getRawQuery()).isEqualTo("key=693a91f6-7xxx");
        JsonNode body = json.readTree(got.body());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.at("/markdown/content").asString())
                .startsWith("### 分付暂不能使用\n")
                .contains("**排查中**：部分用户付款失败")
                .endsWith("[查看详情](https://status.example.com/notices/42)");
    }

    @Test
    void weComMarkdownStaysWithinItsByteLimit() {
        RobotMessage huge = new RobotMessage("标题", "正文", "很长".repeat(3000), "https://status.example.com/", NOW, "en");

        sender.send(RobotType.WECOM, receiver.url("/send?key=k"), null, huge);

        String content = json.readTree(receiver.received.get(0).body())
                .at("/markdown/content")
                .asString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(content).endsWith("[Details](https://status.example.com/)").contains("…");
    }

    @Test
    void dingTalkIsSignedInTheQueryAsDocumented() throws Exception {
        RobotResult result =
                sender.send(RobotType.DINGTALK, receiver.url("/robot/send?access_token=abc123"), SECRET, message("en"));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        var got = receiver.received.get(0);
        Map<String, String> query = query(got.uri().getRawQuery());
        assertThat(query).containsEntry("access_token", "abc123");
        assertThat(query.get("timestamp")).isEqualTo(Long.toString(NOW.toEpochMilli()));
        // documented: Base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), then URL-encoded
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal((NOW.toEpochMilli() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(query.get("sign")).isEqualTo(expected);
        JsonNode body = json.readTree(got.body());
        assertThat(body.get("msgtype").asString()).isEqualTo("actionCard");
        assertThat(body.at("/actionCard/title").asString()).isEqualTo("分付暂不能使用");
        assertThat(body.at("/actionCard/text").asString()).contains("**排查中**");
        assertThat(body.at("/actionCard/singleTitle").asString()).isEqualTo("Details");
        assertThat(body.at("/actionCard/singleURL").asString()).isEqualTo("https://status.example.com/notices/42");
    }

    @Test
    void feishuIsSignedInTheBodyAsDocumented() throws Exception {
        RobotResult result;
        receiver.answer(200, "{\"code\":0,\"data\":{},\"msg\":\"success\"}");
        result = sender.send(RobotType.FEISHU, receiver.url("/open-apis/bot/v2/hook/8a1c"), SECRET, message("zh"));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        JsonNode body = json.readTree(receiver.received.get(0).body());
        long seconds = NOW.getEpochSecond();
        assertThat(body.get("timestamp").asString()).isEqualTo(Long.toString(seconds));
        // documented: Base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty))
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((seconds + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(body.get("sign").asString()).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])));
        assertThat(body.get("msg_type").asString()).isEqualTo("interactive");
        assertThat(body.at("/card/header/title/content").asString()).isEqualTo("分付暂不能使用");
        assertThat(body.at("/card/elements/0/tag").asString()).isEqualTo("markdown");
        assertThat(body.at("/card/elements/0/content").asString()).contains("恢复时间待定");
        assertThat(body.at("/card/elements/1/actions/0/url").asString())
                .isEqualTo("https://status.example.com/notices/42");
        assertThat(body.at("/card/elements/1/actions/0/text/content").asString())
                .isEqualTo("查看详情");
    }

    @Test
    void aRobotWithoutSecretIsNotSigned() {
        sender.send(RobotType.DINGTALK, receiver.url("/robot/send?access_token=abc123"), null, message("zh"));

        assertThat(receiver.received.get(0).uri().getRawQuery()).isEqualTo("access_token=abc123");
    }

    @ParameterizedTest(name = "{0} answering {1} {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "WECOM    | 200 | {\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}     | RETRYABLE",
                "WECOM    | 200 | {\"errcode\":-1,\"errmsg\":\"system busy\"}                | RETRYABLE",
                "WECOM    | 200 | {\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}     | PERMANENT",
                "WECOM    | 200 | {\"errcode\":40008,\"errmsg\":\"invalid message type\"}    | PERMANENT",
                "DINGTALK | 200 | {\"errcode\":130101,\"errmsg\":\"send too fast\"}          | RETRYABLE",
                "DINGTALK | 200 | {\"errcode\":410100,\"errmsg\":\"send too fast\"}          | RETRYABLE",
                "DINGTALK | 200 | {\"errcode\":310000,\"errmsg\":\"sign not match\"}         | PERMANENT",
                "DINGTALK | 200 | {\"errcode\":300001,\"errmsg\":\"token is not exist\"}     | PERMANENT",
                "FEISHU   | 200 | {\"code\":9499,\"msg\":\"Too Many Request\"}               | RETRYABLE",
                "FEISHU   | 200 | {\"code\":11232,\"msg\":\"frequency limited\"}             | RETRYABLE",
                "FEISHU   | 200 | {\"code\":19021,\"msg\":\"sign match fail\"}               | PERMANENT",
                "FEISHU   | 400 | {\"code\":19024,\"msg\":\"Key Words Not Found\"}           | PERMANENT",
                "FEISHU   | 200 | {\"StatusCode\":0,\"StatusMessage\":\"success\"}           | DELIVERED",
                "WECOM    | 429 | ''                                                        | RETRYABLE",
                "DINGTALK | 502 | <html>bad gateway</html>                                  | RETRYABLE",
                "FEISHU   | 404 | ''                                                        | PERMANENT",
                "WECOM    | 200 | <html>a portal page</html>                                | PERMANENT",
            })
    void vendorAnswersAreMapped(RobotType type, int status, String answer, Outcome expected) {
        receiver.answer(status, answer);

        RobotResult result = sender.send(type, receiver.url("/hook?key=k"), SECRET, message("zh"));

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.detail()).doesNotContain("key=k");
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (RobotReceiver elsewhere = new RobotReceiver()) {
            receiver.answer(302, "");
            receiver.redirectTo(elsewhere.url("/stolen").toString());

            RobotResult result = sender.send(RobotType.WECOM, receiver.url("/send?key=k"), null, message("zh"));

            assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
            assertThat(elsewhere.received).isEmpty();
        }
    }

    @Test
    void aRobotThatNeverAnswersTimesOutAndIsTriedAgainLater() throws Exception {
        assertThat(RobotSender.TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        RobotSender impatient = new RobotSender(json, OperatorTexts.messageBundle(), clock, Duration.ofMillis(300));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                // reads the request and never answers, until the client gives up and closes
                try (Socket client = silent.accept()) {
                    client.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            long started = System.nanoTime();

            RobotResult result = impatient.send(
                    RobotType.WECOM,
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/send?key=k"),
                    null,
                    message("zh"));

            assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void anUnreachableRobotIsTriedAgainLater() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        RobotResult result = sender.send(
                RobotType.FEISHU, URI.create("http://127.0.0.1:" + closed + "/hook"), SECRET, message("zh"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
