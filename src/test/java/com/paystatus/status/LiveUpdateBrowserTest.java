package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Browser;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A board or channel page left open in Chromium learns of a change an operator makes through the admin
 * API within seconds, without being reloaded, and says what changed in a polite live region; without
 * JavaScript it stays as it was served and says that it does not update itself.
 */
@FullAppTest
@FreshBoard
class LiveUpdateBrowserTest extends HttpTestBase {

    @TempDir
    Path profile;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOpenBoardShowsANewNoticeWithoutReloading() {
        browser = Browser.start(profile, 390, 844, true);
        browser.get(http.base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("所有支付通道正常");
        // Marks this document: a reload would lose the mark.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(b -> b.findElement(By.cssSelector("p.live")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("p.live")).getText()).contains("已确认为最新");

        var posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "分付出行暂不能使用", "kind": "fault", "message": "乘车码无法付款，正在排查",
                 "channels": {"fenfu-transit": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).isEqualTo(201);

        wait.until(b -> b.findElement(By.id("main")).getText().contains("分付出行暂不能使用"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("1 个支付通道受影响");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("p.live")).getText()).contains("更新：1 个支付通道受影响");
    }

    @Test
    void anOpenChannelPageShowsAStateChangeWithinSecondsAndAnnouncesIt() {
        browser = Browser.start(profile, 360, 780, true);
        browser.get(http.base() + "/channels/wechat-pay");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        var note = By.cssSelector("p.live[role=status][aria-live=polite]");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> b.findElement(note).isDisplayed());
        assertThat(browser.findElement(note).getText()).contains("已确认为最新");
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("部分受影响");

        long changedAt = System.nanoTime();
        var set = http.adminJson("PUT", "/api/admin/channels/wechat-pay/state", """
                {"state": "degraded", "reason": "部分用户付款较慢"}""");
        assertThat(set.statusCode()).isEqualTo(200);
        try {
            wait.until(b -> b.findElement(By.id("main")).getText().contains("部分受影响"));
            Duration seen = Duration.ofNanos(System.nanoTime() - changedAt);
            // the visible cue and what a screen reader hears: the note, a polite live region, says what changed
            wait.until(b -> b.findElement(note).getText().contains("更新"));
            assertThat(browser.findElement(note).getText())
                    .contains(browser.findElement(By.tagName("h1")).getText());
            assertThat(browser.findElement(note).getAttribute("class")).contains("just-changed");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                    .isEqualTo(true);
            System.out.printf(
                    "LIVE a channel page showed the change %d ms after the admin API answered%n", seen.toMillis());
        } finally {
            http.adminJson("PUT", "/api/admin/channels/wechat-pay/state", """
                    {"state": "available", "reason": "已恢复"}""");
        }
    }

    @Test
    void withoutJavaScriptThePageSaysItDoesNotUpdateItself() {
        browser = Browser.start(profile, 390, 844, false);
        browser.get(http.base() + "/channels/alipay");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("支付宝");
        assertThat(browser.findElement(By.cssSelector("p.live")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("p.live.off")).getText())
                .isEqualTo("本页不会自动更新（需要 JavaScript），请刷新查看最新状态。");
    }
}
