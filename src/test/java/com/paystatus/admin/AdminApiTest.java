package com.paystatus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API's contract over real HTTP: authentication, problems, and that bad input changes nothing. */
@FullAppTest
class AdminApiTest extends HttpTestBase {

    private String inTwoHours() {
        return clock.instant().plus(Duration.ofHours(2)).toString();
    }

    private String board() {
        return http.get("/").body();
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAProblem() {
        HttpResponse<String> response = http.get("/api/admin/channels");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/channels"))
                        .GET(),
                "Authorization",
                Http.basic("admin", "guess"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theApiIgnoresABrowserSessionSoOtherSitesCannotUseIt() {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/channels"))
                        .GET(),
                "Cookie",
                "JSESSIONID=whatever");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void invalidNoticesGetFieldErrorsInTheCallersLanguageAndChangeNothing() {
        String before = board();
        HttpResponse<String> zh = http.adminJson("POST", "/api/admin/notices", """
                {"title": "", "kind": "outage", "message": "x",
                 "channels": {"no-such-channel": "unavailable", "fenfu-online": "down"},
                 "estimatedRecoveryAt": "2026-01-01T00:00:00Z"}""");

        assertThat(zh.statusCode()).isEqualTo(400);
        assertThat(zh.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Http.json(zh);
        assertThat(problem.get("title").asString()).isEqualTo("请求有误");
        assertThat(problem.get("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(
                        "kind", "channels", "channels[fenfu-online]", "title", "estimatedRecoveryAt");
        assertThat(zh.body())
                .contains("没有名为 “no-such-channel” 的支付通道")
                .contains("预计恢复时间必须晚于现在")
                .contains("未知的状态 “down”");

        HttpResponse<String> en = http.adminJson("POST", "/api/admin/notices", """
                {"title": "", "kind": "fault", "message": "x", "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""", "Accept-Language", "en");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(Http.json(en).get("errors").get(0).get("message").asString()).isEqualTo("must not be blank");

        assertThat(board()).isEqualTo(before);
    }

    @Test
    void aMissingEstimateIsA400ThatSaysToSendNullForUnknownAndChangesNothing() {
        String before = board();
        HttpResponse<String> zh = http.adminJson("POST", "/api/admin/notices", """
                {"title": "分付暂不能使用", "kind": "fault", "message": "排查中",
                 "channels": {"fenfu-online": "unavailable"}}""");
        assertThat(zh.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(zh).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("estimatedRecoveryAt");
        assertThat(error.get("message").asString()).contains("null");
        assertThat(Http.json(zh).get("errors")).hasSize(1);

        HttpResponse<String> en = http.adminJson("POST", "/api/admin/notices", """
                {"title": "Fenfu down", "kind": "fault", "message": "looking",
                 "channels": {"fenfu-online": "unavailable"}}""", "Accept-Language", "en");
        assertThat(Http.json(en).get("errors").get(0).get("message").asString())
                .isEqualTo("is missing: send the expected recovery time, or null when it is not yet known");
        assertThat(board()).isEqualTo(before);

        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "分付暂不能使用", "kind": "fault", "message": "排查中",
                         "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        HttpResponse<String> update = http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "identified", "message": "已定位"}""");
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(Http.json(update).get("errors").get(0).get("field").asString())
                .isEqualTo("estimatedRecoveryAt");
        assertThat(Http.json(http.adminJson("GET", "/api/admin/notices/" + id, ""))
                        .get("updates"))
                .hasSize(1);

        // resolving needs no estimate: there is nothing left to wait for
        assertThat(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "resolved", "message": "已恢复"}""")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStateCommandNamesEveryProblemAtOnceAndChangesNothing() {
        String before = board();
        HttpResponse<String> refused = http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "down", "reason": ""}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).get("errors").findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("reason", "state");
        assertThat(board()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndMalformedTimesAreClear400s() {
        HttpResponse<String> broken = http.adminJson("POST", "/api/admin/notices", "{\"title\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Http.json(broken).get("detail").asString()).contains("不是有效的 JSON");

        HttpResponse<String> badTime = http.adminJson("POST", "/api/admin/notices", """
                {"title": "t", "kind": "fault", "message": "m", "channels": {"fenfu-online": "unavailable"},
                 "estimatedRecoveryAt": "tomorrow at six"}""");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(Http.json(badTime).get("errors").get(0).get("field").asString())
                .isEqualTo("estimatedRecoveryAt");
    }

    @Test
    void updatingAMissingNoticeIs404AndAResolvedOneIs409() {
        HttpResponse<String> missing = http.adminJson("POST", "/api/admin/notices/999999/updates", """
                {"status": "identified", "message": "x", "estimatedRecoveryAt": null}""");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("detail").asString()).isEqualTo("没有编号为 999999 的公告。");

        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "出行暂不能使用", "kind": "fault", "message": "排查中",
                         "channels": {"fenfu-transit": "unavailable"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        assertThat(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "resolved", "message": "已恢复"}""")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "investigating", "message": "又坏了", "estimatedRecoveryAt": null}""");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("detail").asString()).contains("已恢复，不能再更新");

        HttpResponse<String> impossible = http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "fixed", "message": "x", "estimatedRecoveryAt": null}""");
        assertThat(impossible.statusCode()).isIn(400, 409);
    }

    @Test
    void updatesReviseTheEstimateAndKeepEveryRevision() {
        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "线下扫码变慢", "kind": "fault", "message": "排查中",
                         "channels": {"fenfu-offline": "degraded"}, "estimatedRecoveryAt": "%s"}""".formatted(inTwoHours())))
                .get("id")
                .asLong();

        JsonNode updated = Http.json(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "identified", "message": "原因已找到，恢复时间待定", "estimatedRecoveryAt": null}"""));

        assertThat(updated.get("estimatedRecoveryAt").isNull()).isTrue();
        assertThat(updated.get("updates")).hasSize(2);
        assertThat(updated.get("updates").get(1).get("estimatedRecoveryAt").asString())
                .isEqualTo("2026-11-25T12:00:00.000+08:00");
        assertThat(http.get("/channels/fenfu-offline").body())
                .contains("恢复时间待定")
                .contains("部分受影响");

        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
    }

    @Test
    void channelsCanBeAddedEditedAndSetDirectly() {
        HttpResponse<String> created = http.adminJson("PUT", "/api/admin/channels/union-pay", """
                {"nameZh": "云闪付", "nameEn": "UnionPay", "descriptionZh": "", "descriptionEn": "",
                 "groupZh": "其他支付方式", "groupEn": "Other ways to pay", "displayOrder": 9, "alternatives": ["bank-card"]}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(http.get("/").body()).contains("云闪付");

        HttpResponse<String> edited = http.adminJson("PUT", "/api/admin/channels/union-pay", """
                {"nameZh": "云闪付 App", "nameEn": "UnionPay app", "groupZh": "其他支付方式", "groupEn": "Other ways to pay",
                 "displayOrder": 9, "alternatives": []}""");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(http.get("/channels/union-pay?lang=en").body()).contains("UnionPay app");

        HttpResponse<String> set = http.adminJson("PUT", "/api/admin/channels/union-pay/state", """
                {"state": "maintenance", "reason": "系统升级"}""");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(Http.json(set).get("state").asString()).isEqualTo("maintenance");
        assertThat(http.get("/channels/union-pay").body()).contains("维护中").contains("系统升级");

        HttpResponse<String> noReason = http.adminJson("PUT", "/api/admin/channels/union-pay/state", """
                {"state": "available", "reason": " "}""");
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> badState = http.adminJson("PUT", "/api/admin/channels/union-pay/state", """
                {"state": "kaput", "reason": "x"}""");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(http.adminJson("PUT", "/api/admin/channels/nope/state", """
                        {"state": "available", "reason": "x"}""").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/channels/union-pay").body()).contains("维护中");

        HttpResponse<String> badSlug = http.adminJson("PUT", "/api/admin/channels/Bad_Slug", """
                {"nameZh": "x", "nameEn": "x", "groupZh": "g", "groupEn": "g", "displayOrder": 1}""");
        assertThat(badSlug.statusCode()).isEqualTo(400);
        HttpResponse<String> blankName = http.adminJson("PUT", "/api/admin/channels/new-one", """
                {"nameZh": "", "nameEn": "x", "groupZh": "g", "groupEn": "g", "displayOrder": 1}""");
        assertThat(blankName.statusCode()).isEqualTo(400);
        assertThat(Http.json(blankName).get("errors").get(0).get("field").asString())
                .isEqualTo("nameZh");
        assertThat(http.get("/channels/new-one").statusCode()).isEqualTo(404);

        http.adminJson("PUT", "/api/admin/channels/union-pay/state", """
                {"state": "available", "reason": "升级完成"}""");
    }
}
