package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Daily uptime as the JSON API and the bars on the pages give it, after a real outage. */
@FullAppTest
class AvailabilityApiTest extends HttpTestBase {

    @Test
    void halfAnHourUnavailableShowsInTheDaysShareAndListsTheNotice() {
        // the demo channels appeared at 10:00 Shanghai time; 分付出行 is down from 11:00 to 11:30
        clock.advance(Duration.ofHours(1));
        long id = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "出行付款失败", "kind": "fault", "message": "排查中",
                         "channels": {"fenfu-transit": "unavailable"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        clock.advance(Duration.ofMinutes(30));
        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "resolved", "message": "已恢复"}""");
        clock.advance(Duration.ofDays(1)); // the next day, so that 2026-11-25 is whole

        HttpResponse<String> response = http.get("/api/channels/fenfu-transit/availability?days=90");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode days = Http.json(response);
        assertThat(days).hasSize(90);
        JsonNode last = days.get(89);
        assertThat(last.get("date").asString()).isEqualTo("2026-11-26");
        JsonNode outageDay = days.get(88);
        assertThat(outageDay.get("date").asString()).isEqualTo("2026-11-25");
        // observed from 10:00 to midnight, 14 hours; 30 minutes of them unavailable
        assertThat(outageDay.get("availability").asDouble()).isEqualTo(0.964);
        assertThat(outageDay.get("worstState").asString()).isEqualTo("unavailable");
        assertThat(outageDay.get("outageMinutes").asInt()).isEqualTo(30);
        assertThat(outageDay.get("notices").get(0).asLong()).isEqualTo(id);
        assertThat(days.get(0).get("availability").isNull()).isTrue(); // before the channel existed
        assertThat(last.get("availability").asDouble()).isEqualTo(1.0);

        String page = http.get("/channels/fenfu-transit").body();
        assertThat(page).contains("11月25日 · 96.4% · 暂不能使用 · 出行付款失败").contains("开始记录以来可用率 98.");
        assertThat(http.get("/").body()).contains("class=\"bar bar-major\"");
    }

    @Test
    void badDaysAndUnknownChannelsAreProblems() {
        HttpResponse<String> tooMany = http.get("/api/channels/alipay/availability?days=400");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.json(tooMany).get("errors").get(0).get("message").asString())
                .isEqualTo("请填写 1 到 90 之间的天数");
        assertThat(http.get("/api/channels/alipay/availability?days=abc").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/channels/nope/availability").statusCode()).isEqualTo(404);
        assertThat(Http.json(http.get("/api/channels/alipay/availability?days=7")))
                .hasSize(7);
    }
}
