package com.paystatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.FreshBoard;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The whole story over real HTTP, as an operator's script and a worried user would see it. Run
 * against each database PayStatus supports.
 */
@FreshBoard
abstract class StatusBoardFlowContract extends HttpTestBase {

    @Test
    void anOperatorPostsANoticeUsersSeeItWithItsEstimateAndThenSeeTheChannelBack() {
        // 10:00 in Shanghai; the estimate is 12:00 the same day.
        String eta = clock.instant().plus(Duration.ofHours(2)).toString();
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "分付线上购物暂不能使用", "kind": "fault",
                 "message": "部分用户付款失败，正在排查。",
                 "channels": {"fenfu-online": "unavailable"},
                 "estimatedRecoveryAt": "%s"}""".formatted(eta));
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode notice = Http.json(posted);
        long id = notice.get("id").asLong();
        assertThat(posted.headers().firstValue("Location")).contains("/notices/" + id);
        assertThat(notice.get("status").asString()).isEqualTo("investigating");
        assertThat(notice.get("estimatedRecoveryAt").asString()).isEqualTo("2026-11-25T12:00:00.000+08:00");

        String board = http.get("/").body();
        assertThat(board)
                .contains("1 个支付通道受影响")
                .contains("分付线上购物暂不能使用")
                .contains("暂不能使用")
                .contains("预计 12:00 恢复（约 2 小时后）")
                .contains("技术故障")
                .contains("可以先用");
        String channelPage = http.get("/channels/fenfu-online").body();
        assertThat(channelPage).contains("暂不能使用").contains("预计 12:00 恢复").contains("/channels/fenfu-online");
        // what the reader sees: the HTML's entities decoded (the Markdown sanitiser writes some punctuation as
        // entities)
        assertThat(HtmlUtils.htmlUnescape(http.get("/notices/" + id).body())).contains("部分用户付款失败，正在排查。");

        HttpResponse<String> resolved = http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "resolved", "message": "已恢复正常。"}""");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(Http.json(resolved).get("status").asString()).isEqualTo("resolved");

        String after = http.get("/").body();
        assertThat(after).contains("所有支付通道正常").doesNotContain("个支付通道受影响");
        assertThat(after).contains("分付线上购物暂不能使用"); // listed among the recently resolved
        JsonNode channels = Http.json(http.adminJson("GET", "/api/admin/channels", ""));
        assertThat(channels.findValues("slug").stream().map(JsonNode::asString)).contains("fenfu-online");
        for (JsonNode channel : channels) {
            if (channel.get("slug").asString().equals("fenfu-online")) {
                assertThat(channel.get("state").asString()).isEqualTo("available");
            }
        }
    }
}
