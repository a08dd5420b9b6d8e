package com.paystatus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
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
import java.util.ArrayList;
import java.util.List;
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

/**
 * An operator on a 360-px phone, without JavaScript, posts 服务器压力过大 during a compliance review on
 * 还款: from the dashboard, one screen for the template's form, one for the preview, one for the
 * posted notice. Every button pressed is in view when its screen opens or stays in view (sticky)
 * however far the operator scrolls: nobody scrolls past the whole form to publish.
 */
@FullAppTest
@FreshBoard
class PhonePostingBrowserTest extends HttpTestBase {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 640;

    @Autowired
    NoticeService notices;

    @Autowired
    ChannelService channels;

    @TempDir
    Path profile;

    ChromeDriver browser;
    final List<Long> opened = new ArrayList<>();

    @BeforeEach
    void repaymentIsUnderComplianceReview() {
        opened.add(notices.post(
                        new NoticeDraft(
                                "分付还款合规审查",
                                "compliance",
                                "根据监管要求调整中。",
                                Map.of("fenfu-repayment", "compliance_review"),
                                null,
                                Estimate.UNKNOWN),
                        "ops")
                .id());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        notices.openOrResolvedSince(clock.instant()).stream()
                .filter(NoticeRecord::isOpen)
                .forEach(n -> opened.add(n.id()));
        opened.stream()
                .distinct()
                .forEach(id -> notices.postUpdate(id, new UpdateDraft("resolved", "已恢复", null, null), "ops"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Whether the element is inside the viewport as the screen is now, without any scrolling. */
    private boolean inView(WebElement element) {
        return (Boolean) js(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;",
                element);
    }

    /** Scrolls the element to the middle of the screen, as a thumb would, and taps it. */
    private void tap(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private long pageHeight() {
        return ((Number) js("return document.documentElement.scrollHeight")).longValue();
    }

    @Test
    void postingFromATemplateTakesThreeScreensAndPublishIsAlwaysInReach() {
        browser = Browser.start(profile, WIDTH, HEIGHT, false);
        Browser.signIn(browser, http.base());
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        int screens = 0;

        // screen 1: the template's form, straight from the dashboard
        WebElement template = browser.findElement(By.linkText("服务器压力过大"));
        template.click();
        screens++;
        assertThat(browser.getCurrentUrl()).contains("/admin/notices/new?template=");
        WebElement suggestion = browser.findElement(By.name("useSuggested"));
        assertThat(suggestion.isSelected())
                .as("a template's channels wait for the operator")
                .isFalse();
        tap(suggestion);
        tap(browser.findElement(By.cssSelector("input[name=quickEstimate][value='1h']")));
        long formHeight = pageHeight();
        js("window.scrollTo(0, document.documentElement.scrollHeight / 2)");
        WebElement preview = browser.findElement(By.cssSelector(".actions button[value=preview]"));
        assertThat(inView(preview))
                .as("the preview button stays in reach mid-form")
                .isTrue();
        preview.click();
        screens++;

        // screen 2: the preview, with publish on the first screenful
        String said = browser.findElement(By.id("preview")).getText();
        assertThat(said).contains("4 个通道将显示“暂不能使用”，替换分付 · 账单还款上的“合规审查中”。");
        assertThat(channels.get("fenfu-repayment").state()).isEqualTo(ChannelState.COMPLIANCE_REVIEW);
        // the answer opens at the preview (the form's address ends in #preview), publish right under it
        assertThat(inView(browser.findElement(By.id("preview-title"))))
                .as("the preview is what the screen shows")
                .isTrue();
        WebElement publish = browser.findElement(By.cssSelector("#preview button[name=publish]"));
        assertThat(inView(publish))
                .as("publish is on the first screenful of the preview")
                .isTrue();
        publish.click();
        screens++;

        // screen 3: the posted notice
        assertThat(browser.getCurrentUrl()).matches(".*/admin/notices/\\d+(#preview)?$");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("公告已发布");
        assertThat(screens).isLessThanOrEqualTo(3);
        assertThat(channels.get("fenfu-online").state()).isEqualTo(ChannelState.UNAVAILABLE);
        assertThat(channels.get("fenfu-repayment").state()).isEqualTo(ChannelState.UNAVAILABLE);
        System.out.printf(
                "Notice form from a template at %d px: %d px tall; %d screens to publish%n",
                WIDTH, formHeight, screens);
    }
}
