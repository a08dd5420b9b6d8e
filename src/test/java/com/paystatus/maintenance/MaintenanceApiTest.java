package com.paystatus.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Scheduling and acting on maintenance over the admin API, and what the public page says meanwhile. */
@FullAppTest
@FreshBoard
class MaintenanceApiTest extends HttpTestBase {

    @Autowired
    MaintenanceService maintenances;

    @Test
    void aScheduledWindowShowsAsUpcomingThenInProgressThenGone() {
        // 2026-11-28 02:00–04:00 in Shanghai
        HttpResponse<String> scheduled = http.adminJson("POST", "/api/admin/maintenances", """
                {"title": "系统升级维护", "message": "分付系统升级，期间暂不能使用。",
                 "channels": ["fenfu-online", "fenfu-offline"],
                 "startsAt": "2026-11-28T02:00:00+08:00", "endsAt": "2026-11-28T04:00:00+08:00"}""");
        assertThat(scheduled.statusCode()).isEqualTo(201);
        JsonNode m = Http.json(scheduled);
        long id = m.get("id").asLong();
        assertThat(m.get("status").asString()).isEqualTo("scheduled");
        assertThat(m.get("startsAt").asString()).isEqualTo("2026-11-28T02:00:00.000+08:00");

        assertThat(http.get("/").body()).contains("计划维护：11月28日 02:00–04:00").contains("所有支付通道正常");
        assertThat(http.get("/?lang=en").body()).contains("Scheduled maintenance: Nov 28, 02:00–04:00");

        clock.set(java.time.Instant.parse("2026-11-27T18:30:00Z")); // 02:30 in Shanghai
        maintenances.recordDueTransitions();
        String during = http.get("/channels/fenfu-online").body();
        assertThat(during).contains("维护中").contains("原因：系统维护").contains("预计 04:00 恢复（约 2 小时后）");

        HttpResponse<String> extended = http.adminJson("POST", "/api/admin/maintenances/" + id + "/extend", """
                {"endsAt": "2026-11-28T05:00:00+08:00", "message": "需要更多时间"}""");
        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(http.get("/channels/fenfu-online").body()).contains("预计 05:00 恢复");

        HttpResponse<String> completed = http.adminJson("POST", "/api/admin/maintenances/" + id + "/complete", "{}");
        assertThat(Http.json(completed).get("status").asString()).isEqualTo("completed");
        assertThat(http.get("/").body()).contains("所有支付通道正常").doesNotContain("计划维护：");

        HttpResponse<String> again = http.adminJson("POST", "/api/admin/maintenances/" + id + "/complete", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("detail").asString()).isEqualTo("维护 #" + id + " 已经结束。");
    }

    @Test
    void badWindowsGetFieldErrors() {
        HttpResponse<String> bad = http.adminJson("POST", "/api/admin/maintenances", """
                {"title": "x", "message": "y", "channels": ["nope"],
                 "startsAt": "2026-11-20T02:00:00+08:00", "endsAt": "soon"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).get("errors").get(0).get("field").asString()).isEqualTo("endsAt");

        HttpResponse<String> reversed = http.adminJson("POST", "/api/admin/maintenances", """
                {"title": "x", "message": "y", "channels": ["nope"],
                 "startsAt": "2026-11-20T02:00:00+08:00", "endsAt": "2026-11-19T02:00:00+08:00"}""");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(Http.json(reversed).get("errors").findValues("field").stream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("channels", "startsAt", "endsAt");

        assertThat(http.adminJson("POST", "/api/admin/maintenances/999/start", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/admin/maintenances").statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorCanStartAWindowEarly() {
        long id = Http.json(http.adminJson("POST", "/api/admin/maintenances", """
                        {"title": "提前维护", "message": "m", "channels": ["alipay"],
                         "startsAt": "2026-11-26T02:00:00+08:00", "endsAt": "2026-11-26T03:00:00+08:00"}"""))
                .get("id")
                .asLong();
        clock.advance(Duration.ofMinutes(1));
        JsonNode started = Http.json(http.adminJson("POST", "/api/admin/maintenances/" + id + "/start", "{}"));
        assertThat(started.get("status").asString()).isEqualTo("in_progress");
        assertThat(http.get("/channels/alipay").body()).contains("维护中");
        http.adminJson("POST", "/api/admin/maintenances/" + id + "/complete", "{}");
    }
}
