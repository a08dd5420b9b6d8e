package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Pages;
import com.paystatus.support.TestClock;
import com.paystatus.support.TestClockConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What a person sees on the public pages, in either language, and that nothing they read is raw markup. */
@FullAppTest
@FreshBoard
class PublicPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NoticeService notices;

    @Autowired
    TestClock clock;

    private String page(String path, String... acceptLanguage) {
        var request = mvc.get().uri(path);
        if (acceptLanguage.length > 0) {
            request = request.header("Accept-Language", acceptLanguage[0]);
        }
        var result = request.exchange();
        assertThat(result).hasStatusOk();
        return Pages.body(result);
    }

    @Test
    void theBoardIsInChineseByDefaultWithEveryDemoChannel() {
        String board = page("/");
        assertThat(board)
                .contains("lang=\"zh-CN\"")
                .contains("所有支付通道正常")
                .contains("分付 · 线上购物", "分付 · 线下扫码", "分付 · 出行", "分付 · 账单还款")
                .contains("微信支付（零钱）", "支付宝", "银行卡")
                .contains("正常可用");
    }

    @Test
    void englishComesFromTheLangParameterOrTheBrowsersLanguage() {
        assertThat(page("/?lang=en")).contains("lang=\"en\"").contains("All payment channels are working");
        assertThat(page("/", "en-US,en;q=0.9")).contains("Fenfu · Online shopping");
        assertThat(page("/", "zh-CN,zh;q=0.9,en;q=0.8")).contains("所有支付通道正常");
        assertThat(page("/", "fr-FR")).contains("所有支付通道正常");
        assertThat(page("/?lang=zh", "en")).contains("所有支付通道正常");
        // links on an English page keep the reader in English
        assertThat(page("/?lang=en")).contains("href=\"/channels/fenfu-online?lang=en\"");
    }

    @Test
    void aChannelPageSaysWhyWhenAndWhatToUseInsteadWithALinkToShare() {
        NoticeRecord notice = notices.post(
                new NoticeDraft(
                        "系统升级维护",
                        "maintenance",
                        "分付出行功能升级",
                        Map.of("fenfu-transit", "maintenance"),
                        null,
                        Estimate.at(clock.instant().plus(Duration.ofMinutes(90)))),
                "ops");
        try {
            String zh = page("/channels/fenfu-transit");
            assertThat(zh)
                    .contains("维护中")
                    .contains("原因：系统维护")
                    .contains("预计 11:30 恢复（约 2 小时后）")
                    .contains("可以先用")
                    .contains("微信支付（零钱）")
                    .contains("value=\"http://localhost/channels/fenfu-transit\"")
                    .contains("复制链接");
            String en = page("/channels/fenfu-transit?lang=en");
            assertThat(en)
                    .contains("Under maintenance")
                    .contains("Cause: Maintenance")
                    .contains("Expected back at 11:30")
                    // the list of alternatives is joined in the page's language
                    .contains("WeChat Pay (balance)</a><span>, </span>")
                    .doesNotContain("</a><span>、</span>");
            assertThat(zh).contains("微信支付（零钱）</a><span>、</span>");
        } finally {
            notices.postUpdate(notice.id(), new UpdateDraft("resolved", "done", null, null), "ops");
        }
    }

    @Test
    void anOverdueEstimateIsShownAsOverdueNotAsAFutureTime() {
        NoticeRecord notice = notices.post(
                new NoticeDraft(
                        "还款延迟",
                        "fault",
                        "排查中",
                        Map.of("fenfu-repayment", "unavailable"),
                        null,
                        Estimate.at(clock.instant().plus(Duration.ofMinutes(30)))),
                "ops");
        try {
            clock.advance(Duration.ofMinutes(45));
            assertThat(page("/notices/" + notice.id())).contains("原预计 10:30 恢复，已超过预计恢复时间，我们会尽快更新");
        } finally {
            clock.set(TestClockConfig.START);
            notices.postUpdate(notice.id(), new UpdateDraft("resolved", "done", null, null), "ops");
        }
    }

    @Test
    void textOperatorsTypeIsAlwaysEscaped() {
        NoticeRecord notice = notices.post(
                new NoticeDraft(
                        "<script>alert('x')</script>",
                        "info",
                        "<img src=x onerror=alert(1)> & more",
                        Map.of(),
                        null,
                        Estimate.UNKNOWN),
                "ops");
        try {
            for (String html : new String[] {page("/"), page("/notices/" + notice.id())}) {
                assertThat(html)
                        .doesNotContain("<script>alert")
                        .doesNotContain("<img src=x")
                        .doesNotContain("onerror=alert")
                        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                        .contains("&lt;img src");
            }
        } finally {
            notices.postUpdate(notice.id(), new UpdateDraft("resolved", "done", null, null), "ops");
        }
    }

    @Test
    void aNoticeLinkKeepsWorkingLongAfterItLeftTheFrontPage() {
        NoticeRecord notice = notices.post(
                new NoticeDraft("旧的公告", "fault", "很久以前", Map.of("alipay", "degraded"), null, Estimate.UNKNOWN), "ops");
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
        try {
            clock.advance(Duration.ofDays(400));
            String board = page("/");
            assertThat(board).doesNotContain("旧的公告");
            assertThat(page("/notices/" + notice.id())).contains("旧的公告").contains("已恢复");
        } finally {
            clock.set(TestClockConfig.START);
        }
    }

    @Test
    void unknownChannelsAndNoticesAreFriendly404Pages() {
        var channel = mvc.get().uri("/channels/no-such-thing").exchange();
        assertThat(channel).hasStatus(404);
        assertThat(channel).bodyText().contains("找不到这个页面").contains("没有名为 “no-such-thing” 的支付通道");

        var notice = mvc.get().uri("/notices/424242?lang=en").exchange();
        assertThat(notice).hasStatus(404);
        assertThat(notice).bodyText().contains("There is no notice number 424242.");

        assertThat(mvc.get().uri("/notices/not-a-number").exchange()).hasStatus(404);
    }

    @Test
    void healthIsUpForLoadBalancers() {
        assertThat(mvc.get().uri("/actuator/health").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("UP");
    }
}
