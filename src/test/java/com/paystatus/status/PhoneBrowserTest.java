package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.Browser;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The status page as a person on a 360-px-wide phone sees it, with JavaScript on and off. */
@FullAppTest
@FreshBoard
class PhoneBrowserTest extends HttpTestBase {

    @Autowired
    NoticeService notices;

    @TempDir
    Path profile;

    ChromeDriver browser;
    NoticeRecord notice;

    @BeforeEach
    void fenfuIsDown() {
        notice = notices.post(
                new NoticeDraft(
                        "分付线上购物暂不能使用：服务器压力过大，技术人员正在紧急处理，请先使用其他支付方式",
                        "fault",
                        "部分用户在线上购物时使用分付付款失败。" + "我们正在扩容，恢复后会在这里通知。".repeat(5),
                        Map.of("fenfu-online", "unavailable", "fenfu-offline", "degraded"),
                        null,
                        Estimate.at(clock.instant().plus(Duration.ofHours(2)))),
                "ops");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
    }

    private long pageWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
    }

    private long viewportWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
    }

    @Test
    void onAPhoneTheAnswerIsReadableWithoutScrollingSideways() {
        browser = Browser.start(profile, 360, 800, true);
        for (String path : new String[] {"/", "/channels/fenfu-online", "/notices/" + notice.id(), "/?lang=en"}) {
            browser.get("http://localhost:" + port + path);
            assertThat(pageWidth()).as("page width of " + path).isLessThanOrEqualTo(viewportWidth());
        }

        browser.get("http://localhost:" + port + "/");
        String banner = browser.findElement(By.cssSelector("section.banner h1")).getText();
        assertThat(banner).isEqualTo("2 个支付通道受影响");
        WebElement online = browser.findElement(By.id("channel-fenfu-online"));
        assertThat(online.getText()).contains("暂不能使用").contains("预计 12:00 恢复").contains("可以先用");
        // the state is above the fold: a worried user sees it without scrolling
        assertThat(online.getLocation().getY()).isLessThan(800);
    }

    @Test
    void theCopyLinkButtonAppearsWithJavaScriptAndTheLinkIsThereWithout() {
        browser = Browser.start(profile, 360, 800, true);
        browser.get("http://localhost:" + port + "/channels/fenfu-online");
        assertThat(browser.findElement(By.cssSelector("button.copy")).isDisplayed())
                .isTrue();
        browser.quit();

        browser = Browser.start(profile.resolve("no-js"), 360, 800, false);
        browser.get("http://localhost:" + port + "/channels/fenfu-online");
        assertThat(browser.findElement(By.id("share-url")).getAttribute("value"))
                .isEqualTo("http://localhost:" + port + "/channels/fenfu-online");
        assertThat(browser.findElement(By.cssSelector("button.copy")).isDisplayed())
                .isFalse();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("暂不能使用");
    }
}
