package com.paystatus.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts one message to one group robot and says how it went. The URL comes already checked (https,
 * a public address: the subscription core's guard); here it is only never followed elsewhere (no
 * redirects) and never waited on for more than 10 seconds. Each vendor answers HTTP 200 with an error
 * code in its JSON body; the codes are mapped below, rate limits and "busy" as retryable.
 */
@Component
class RobotSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * Codes that mean "later": WeCom 45009 (接口调用超过限制) and 45033 (concurrency), and -1 (系统繁忙)
     * for WeCom and DingTalk (global error codes: https://developer.work.weixin.qq.com/document/path/90313);
     * DingTalk 130101 and 410100 (send too fast, more than 20 a minute) and 90030 (webhook over
     * limit); Feishu 9499 (too many requests) and 11232 (frequency limited).
     */
    private static final Set<Integer> WECOM_LATER = Set.of(-1, 45009, 45033);

    private static final Set<Integer> DINGTALK_LATER = Set.of(-1, 130101, 410100, 90030);
    private static final Set<Integer> FEISHU_LATER = Set.of(9499, 11232);

    private final RobotFormats formats;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    @Autowired
    RobotSender(JsonMapper json, MessageSource messages, Clock clock) {
        this(json, messages, clock, TIMEOUT);
    }

    /** With a shorter timeout, for tests of a robot that never answers. */
    RobotSender(JsonMapper json, MessageSource messages, Clock clock, Duration timeout) {
        this.formats = new RobotFormats(json, messages);
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param url the robot's webhook URL, already checked
     * @param secret the signing secret (DingTalk's {@code SEC…}, Feishu's), or null where the robot
     *     has none (WeCom never has one; DingTalk and Feishu robots may rely on keywords or addresses)
     */
    RobotResult send(RobotType type, URI url, String secret, RobotMessage message) {
        ObjectNode body = formats.body(type, message);
        URI target = url;
        boolean signed = secret != null && !secret.isBlank();
        if (signed && type == RobotType.DINGTALK) {
            long millis = clock.millis();
            String sign = URLEncoder.encode(RobotSignatures.dingTalk(millis, secret), StandardCharsets.UTF_8);
            String query = "timestamp=" + millis + "&sign=" + sign;
            target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
        } else if (signed && type == RobotType.FEISHU) {
            long seconds = clock.millis() / 1000;
            body.put("timestamp", Long.toString(seconds));
            body.put("sign", RobotSignatures.feishu(seconds, secret));
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // timed out, refused, reset: the robot may answer later
            return RobotResult.retryable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RobotResult.retryable("interrupted");
        }
        return outcome(type, response.statusCode(), response.body());
    }

    RobotResult outcome(RobotType type, int status, String body) {
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return RobotResult.retryable("HTTP " + status);
        }
        JsonNode answer = parse(body);
        OptionalInt code = code(type, answer);
        if (code.isPresent()) {
            String detail = type.code() + " " + code.getAsInt() + " " + clip(message(answer));
            if (code.getAsInt() == 0 && status / 100 == 2) {
                return RobotResult.delivered();
            }
            if (later(type).contains(code.getAsInt())) {
                return RobotResult.retryable(detail.trim());
            }
            return RobotResult.permanent(detail.trim());
        }
        if (status / 100 == 3) {
            return RobotResult.permanent("HTTP " + status + ": redirect not followed");
        }
        if (status / 100 == 2) {
            return RobotResult.permanent("HTTP " + status + ": not a robot's answer");
        }
        return RobotResult.permanent("HTTP " + status);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** WeCom and DingTalk say {@code errcode}; Feishu {@code code}, or {@code StatusCode} in its older answers. */
    private static OptionalInt code(RobotType type, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return OptionalInt.empty();
        }
        for (String field : type == RobotType.FEISHU ? new String[] {"code", "StatusCode"} : new String[] {"errcode"}) {
            JsonNode value = answer.get(field);
            if (value != null && value.isIntegralNumber()) {
                return OptionalInt.of(value.intValue());
            }
        }
        return OptionalInt.empty();
    }

    private static String message(JsonNode answer) {
        for (String field : new String[] {"errmsg", "msg", "StatusMessage"}) {
            JsonNode value = answer.get(field);
            if (value != null && value.isString()) {
                return value.asString();
            }
        }
        return "";
    }

    private static Set<Integer> later(RobotType type) {
        return switch (type) {
            case WECOM -> WECOM_LATER;
            case DINGTALK -> DINGTALK_LATER;
            case FEISHU -> FEISHU_LATER;
        };
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
