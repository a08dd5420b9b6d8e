package com.paystatus.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long-running outage: dozens of updates of the longest message allowed. Every one is taken (an
 * operator must never be refused an update because the notice has a history), the page shows the
 * newest, and what subscribers are sent carries the newest 50, not the whole history.
 */
abstract class LongNoticeContract extends HttpTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyUpdateOfALongOutageIsTakenAndSubscribersGetTheNewestFifty() {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "持续很久的故障", "kind": "fault", "message": "排查中",
                 "channels": {"bank-card": "degraded"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long id = Http.json(posted).get("id").asLong();
        try {
            for (int i = 1; i <= 60; i++) {
                String message = ("第 " + i + " 次进展。" + "仍在排查，".repeat(400)).substring(0, 2000);
                HttpResponse<String> update = http.adminJson(
                        "POST",
                        "/api/admin/notices/" + id + "/updates",
                        "{\"status\": \"identified\", \"message\": \"" + message
                                + "\", \"estimatedRecoveryAt\": null}");
                assertThat(update.statusCode())
                        .as("update %d: %s", i, update.body())
                        .isEqualTo(200);
            }
            assertThat(http.get("/notices/" + id).body()).contains("第 60 次进展");
            List<Map<String, Object>> rows =
                    jdbc.queryForList("select content from notification where notice_id = ? order by id desc", id);
            assertThat(rows).hasSize(61);
            JsonNode newest =
                    JsonMapper.builder().build().readTree((String) rows.get(0).get("content"));
            assertThat(newest.get("updates")).hasSize(50);
            assertThat(newest.get("updates").get(0).get("message").asString()).startsWith("第 60 次进展");
        } finally {
            http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                    {"status": "resolved", "message": "已恢复", "estimatedRecoveryAt": null}""");
        }
    }
}
