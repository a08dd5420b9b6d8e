package com.paystatus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The board of issue 15, posted through the admin API as operators would: a fault on 线上购物 with
 * an estimate, a compliance review on 还款, maintenance in progress on 出行 and one tomorrow night
 * on 线下扫码, and a resolved fault with a Markdown postmortem that had touched 微信支付.
 * {@link #end()} resolves and completes all of it, so the board is left as it was found.
 */
public final class Outage {

    private final Http http;
    private final List<Long> openNotices = new ArrayList<>();
    private final List<Long> maintenances = new ArrayList<>();
    public final long fault;
    public final long compliance;
    public final long resolved;
    public final long inProgress;
    public final long tomorrow;

    public Outage(Http http, Instant now) {
        this.http = http;
        resolved = notice(
                "分付线下扫码付款失败",
                "fault",
                "部分门店扫码付款失败",
                "{\"fenfu-offline\": \"unavailable\", \"wechat-pay\": \"degraded\"}",
                null);
        ok(http.adminJson("POST", "/api/admin/notices/" + resolved + "/updates", """
                {"status": "resolved", "message": "已恢复正常"}"""));
        openNotices.remove(resolved);
        ok(http.adminJson("PUT", "/api/admin/notices/" + resolved + "/postmortem", """
                {"postmortem": "## 发生了什么\\n\\n一台网关的证书过期。\\n\\n## 以后如何避免\\n\\n证书到期前 30 天提醒。"}"""));
        fault = notice(
                "分付线上购物暂不能使用",
                "fault",
                "服务器压力过大，技术人员正在紧急处理，请先使用其他支付方式",
                "{\"fenfu-online\": \"unavailable\"}",
                now.plus(Duration.ofHours(2)));
        compliance = notice(
                "分付还款功能合规调整", "compliance", "按监管要求调整还款流程，期间暂停还款", "{\"fenfu-repayment\": \"compliance_review\"}", null);
        inProgress = maintenance(
                "出行服务系统升级", "fenfu-transit", now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(3)));
        ok(http.adminJson("POST", "/api/admin/maintenances/" + inProgress + "/start", """
                {"message": "升级开始"}"""));
        tomorrow = maintenance(
                "线下扫码夜间维护", "fenfu-offline", now.plus(Duration.ofHours(16)), now.plus(Duration.ofHours(18)));
    }

    private long notice(String title, String kind, String message, String channels, Instant eta) {
        long id = Http.json(ok(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "%s", "kind": "%s", "message": "%s", "channels": %s, "estimatedRecoveryAt": %s}""".formatted(
                                title, kind, message, channels, eta == null ? "null" : "\"" + eta + "\""))))
                .get("id")
                .asLong();
        openNotices.add(id);
        return id;
    }

    private long maintenance(String title, String channel, Instant start, Instant end) {
        long id = Http.json(ok(
                        http.adminJson("POST", "/api/admin/maintenances", """
                        {"title": "%s", "message": "升级期间暂停服务", "channels": ["%s"], "startsAt": "%s", "endsAt": "%s"}""".formatted(title, channel, start, end))))
                .get("id")
                .asLong();
        maintenances.add(id);
        return id;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** Fails where it happens when something cannot be ended, rather than leave it to the next class. */
    public void end() {
        for (long id : openNotices) {
            ok(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                    {"status": "resolved", "message": "已恢复"}"""));
        }
        for (long id : maintenances) {
            ok(http.adminJson("POST", "/api/admin/maintenances/" + id + "/complete", """
                    {"message": "结束"}"""));
        }
    }
}
