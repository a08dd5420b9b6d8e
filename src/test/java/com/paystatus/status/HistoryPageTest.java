package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.NoticeDrafts;
import com.paystatus.support.Pages;
import com.paystatus.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /history: every notice, newest first, twenty to a page, by channel and by kind. */
@FullAppTest
@FreshBoard
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryPageTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NoticeService notices;

    @Autowired
    TestClock clock;

    /** 25 resolved faults on 分付线上购物, numbered in order, and one maintenance notice on Alipay. */
    @BeforeAll
    void pastNotices() {
        for (int i = 1; i <= 25; i++) {
            var n = notices.post(
                    NoticeDrafts.fault("线上购物故障 第" + i + "次")
                            .affecting("fenfu-online", "unavailable")
                            .build(),
                    "ops");
            clock.advance(Duration.ofMinutes(10));
            notices.postUpdate(n.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
            clock.advance(Duration.ofHours(1));
        }
        notices.post(
                NoticeDrafts.of("maintenance", "支付宝通道维护")
                        .message("维护中")
                        .affecting("alipay", "maintenance")
                        .build(),
                "ops");
    }

    private String page(String uri) {
        var result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return Pages.body(result);
    }

    @Test
    void theNewestComeFirstTwentyToAPage() throws Exception {
        String first = page("/history");
        assertThat(first).contains("支付宝通道维护").contains("线上购物故障 第25次").contains("线上购物故障 第7次");
        assertThat(first).doesNotContain("线上购物故障 第6次<").contains("第 1 / 2 页");
        assertThat(first.indexOf("第25次")).isLessThan(first.indexOf("第24次"));

        String second = page("/history?page=2");
        assertThat(second).contains("线上购物故障 第1次<").contains("线上购物故障 第6次<").doesNotContain("第7次<");
    }

    @Test
    void filtersNarrowByChannelAndKind() throws Exception {
        assertThat(page("/history?channel=alipay")).contains("支付宝通道维护").doesNotContain("线上购物故障");
        assertThat(page("/history?kind=fault")).doesNotContain("支付宝通道维护").contains("线上购物故障 第25次");
        assertThat(page("/history?kind=maintenance&channel=fenfu-online")).contains("没有符合条件的公告。");
    }

    @Test
    void unknownFiltersAreExplainedAndBadPageNumbersAreForgiven() throws Exception {
        assertThat(page("/history?channel=nope")).contains("没有名为 “nope” 的支付通道");
        assertThat(page("/history?kind=outage&lang=en")).contains("unknown kind &quot;outage&quot;");
        assertThat(page("/history?page=-3")).contains("第 1 / 2 页");
        assertThat(page("/history?page=abc")).contains("第 1 / 2 页");
    }
}
