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
 * A board left open in Chromium learns of a notice an operator posts through the admin API, without
 * being reloaded, and says when it last checked; without JavaScript it stays as it was served.
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
        assertThat(browser.findElement(By.cssSelector("p.live")).getText()).contains("最后检查于");

        var posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "分付出行暂不能使用", "kind": "fault", "message": "乘车码无法付款，正在排查",
                 "channels": {"fenfu-transit": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).isEqualTo(201);

        wait.until(b -> b.findElement(By.id("main")).getText().contains("分付出行暂不能使用"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("1 个支付通道受影响");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("p.live")).getText()).contains("更新");
    }

    @Test
    void withoutJavaScriptThePageWorksAndSaysNothingAboutUpdatingItself() {
        browser = Browser.start(profile, 390, 844, false);
        browser.get(http.base() + "/channels/alipay");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("支付宝");
        assertThat(browser.findElement(By.cssSelector("p.live")).isDisplayed()).isFalse();
    }
}
