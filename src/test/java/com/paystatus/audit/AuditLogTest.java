package com.paystatus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Who changed what, when, from where, from what to what; browsable by admins, changeable by no one. */
@FullAppTest
class AuditLogTest extends HttpTestBase {

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode audit(String query) {
        HttpResponse<String> response = http.adminJson("GET", "/api/admin/audit" + query, "");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response);
    }

    /** The before and after of one field in an entry's details, or empty when it did not change. */
    private static List<String> change(JsonNode details, String field) {
        for (JsonNode change : details.get("changes")) {
            if (change.get("field").asString().equals(field)) {
                return java.util.Arrays.asList(
                        change.get("before").isNull()
                                ? null
                                : change.get("before").asString(),
                        change.get("after").isNull()
                                ? null
                                : change.get("after").asString());
            }
        }
        return List.of();
    }

    @Test
    void everyChangeIsRecordedWithWhoWhereAndBeforeAndAfter() {
        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "审计测试", "kind": "fault", "message": "排查中",
                         "channels": {"alipay": "degraded"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
        http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "maintenance", "reason": "升级"}""");
        http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "available", "reason": "完成"}""");

        JsonNode update = audit("?action=notice.update&target=notice/" + id).get(0);
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(change(update.get("details"), "status")).containsExactly("investigating", "resolved");
        assertThat(update.get("details").get("notes").get("message").asString()).isEqualTo("已恢复");
        assertThat(update.get("occurredAt").asString()).isNotBlank();

        assertThat(audit("?action=channel.state&target=channel/alipay").findValues("details").stream()
                        .map(d -> change(d, "state") + " "
                                + d.get("notes").get("reason").asString()))
                .contains("[available, maintenance] 升级", "[maintenance, available] 完成");
        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/audit?action=channel.state&target=channel/alipay")
                        .body())
                .contains("state: available → maintenance; reason: 升级", "state: maintenance → available; reason: 完成");
        assertThat(audit("?action=notice.post&actor=admin").findValuesAsString("target"))
                .contains("notice/" + id);
    }

    @Test
    void refusedInputLeavesNoAuditRowAndSignInsAndAdminActionsAreRecorded() {
        int before = audit("?action=notice.post").size();
        http.adminJson("POST", "/api/admin/notices", """
                {"title": "", "kind": "fault", "message": "x", "channels": {"alipay": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(audit("?action=notice.post").size()).isEqualTo(before);

        WebSession s = new WebSession(port);
        s.login("mallory", "not-a-password");
        s.login("admin", Http.ADMIN_PASSWORD);
        assertThat(audit("?action=login.failure&actor=mallory").findValuesAsString("target"))
                .contains("user/mallory");
        assertThat(audit("?action=login.success&actor=admin").size()).isPositive();
        s.post("/admin/users", "/admin/users", Map.of("username", "audited-user", "role", "support"));
        s.post("/admin/tokens", "/admin/tokens", Map.of("name", "audited token", "role", "support"));
        assertThat(audit("?action=user.create").findValuesAsString("target")).contains("user/audited-user");
        assertThat(audit("?action=token.create").findValues("details"))
                .anyMatch(d -> change(d, "name").equals(java.util.Arrays.asList(null, "audited token")));
        assertThat(s.get("/admin/audit?action=user").body()).contains("user/audited-user");
    }

    @Test
    void aFloodOfBadTokensWritesACountPerNetworkAndMinuteNotARowEach() {
        Instant start = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(30)); // a minute no other test refused a token in
            long before = refusedTokenRows();
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> refused = http.send(
                        HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/channels"))
                                .GET(),
                        "Authorization",
                        "Bearer pst_not-a-token-" + i);
                assertThat(refused.statusCode()).isEqualTo(401);
            }
            assertThat(refusedTokenRows() - before).isBetween(1L, 2L);

            clock.advance(Duration.ofMinutes(1));
            http.send(
                    HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/channels"))
                            .GET(),
                    "Authorization",
                    "Bearer pst_one-more");
            assertThat(refusedTokenRows() - before).isLessThanOrEqualTo(3);
            assertThat(audit("?action=login.tokenRefused").findValues("details"))
                    .anyMatch(d -> d.path("notes").path("summary").asString().contains("refused 100 tokens"));
            assertThat(audit("?action=login.tokenRefused").findValuesAsString("target"))
                    .contains("network/127.0.0.0/24");
        } finally {
            clock.set(start);
        }
    }

    private long refusedTokenRows() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'login.tokenRefused'", Long.class);
    }

    @Test
    void entriesWrittenBeforeDetailsWereJsonAreShownAsTheyWere() {
        jdbc.update(
                "insert into audit_event (occurred_at, actor, action, target, details) values (?, ?, ?, ?, ?)",
                java.sql.Timestamp.from(clock.instant()),
                "admin",
                "legacy.entry",
                "notice/1",
                "status: investigating → resolved; message: 已恢复");

        JsonNode legacy = audit("?action=legacy.entry").get(0).get("details");
        assertThat(legacy.get("changes").isEmpty()).isTrue();
        assertThat(legacy.get("notes").get("text").asString())
                .isEqualTo("status: investigating → resolved; message: 已恢复");
        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/audit?action=legacy.entry").body())
                .contains("status: investigating → resolved; message: 已恢复");
    }

    @Test
    void theLogCanBeReadButNeverChangedOrDeleted() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertThat(http.adminJson(method, "/api/admin/audit", "{}").statusCode())
                    .as(method)
                    .isIn(403, 404, 405);
        }
        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        String csrf = admin.csrf("/admin/audit");
        assertThat(admin.postWithoutToken("/admin/audit", Map.of("_csrf", csrf)).statusCode())
                .isIn(403, 404, 405);
    }

    @Test
    void theSchedulersTransitionsAreRecordedAsTheSystems() {
        Instant start = clock.instant();
        long id = Http.json(http.adminJson("POST", "/api/admin/maintenances", """
                        {"title": "夜间升级", "message": "升级", "channels": ["bank-card"],
                         "startsAt": "%s", "endsAt": "%s"}""".formatted(
                                start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)))))
                .get("id")
                .asLong();
        try {
            clock.advance(Duration.ofHours(3));
            maintenances.recordDueTransitions();
        } finally {
            clock.set(start);
        }
        JsonNode due = audit("?action=maintenance.due&target=maintenance/" + id);
        assertThat(due.findValuesAsString("actor")).containsOnly("scheduler");
        assertThat(due.findValues("details").stream()
                        .map(d -> d.get("notes").get("transition").asString()))
                .containsExactlyInAnyOrder("maintenance/" + id + " started", "maintenance/" + id + " ended");
    }
}
