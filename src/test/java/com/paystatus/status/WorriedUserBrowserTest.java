package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Browser;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.Outage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 15 as a worried user meets it, on a 360 × 800 phone in Chromium during the outage
 * ({@link Outage}): the first screen answers what, why, until when and what instead; a notice's
 * stable link names the alternatives; staff tools are set apart; words and colours fit the kind;
 * dark mode follows the system; the pages are valid where the issue found them not to be. One
 * browser for the class, pages in a row.
 */
@FullAppTest
@FreshBoard
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorriedUserBrowserTest extends HttpTestBase {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 800;

    @TempDir
    static Path profile;

    ChromeDriver browser;
    Outage outage;

    @BeforeAll
    void duringTheOutage() {
        outage = new Outage(new Http(port), clock.instant());
    }

    @AfterAll
    void end() {
        if (browser != null) {
            browser.quit();
        }
        if (outage != null) {
            outage.end();
        }
    }

    private ChromeDriver open(String path, String scheme) {
        if (browser == null) {
            browser = Browser.start(profile, WIDTH, HEIGHT, true);
        }
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        browser.get("http://localhost:" + port + path);
        return browser;
    }

    private ChromeDriver open(String path) {
        return open(path, "light");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Whether the element ends within the first screen, without scrolling. */
    private boolean onFirstScreen(WebElement element) {
        return ((Number) js("return arguments[0].getBoundingClientRect().bottom", element)).doubleValue() <= HEIGHT;
    }

    @Test
    void aNoticesStableLinkNamesWhatToPayWithOnTheFirstScreen() {
        open("/notices/" + outage.fault);
        WebElement instead = browser.findElement(By.cssSelector("article.notice .instead"));
        assertThat(instead.getText()).startsWith("可以先用").contains("微信支付").contains("支付宝");
        assertThat(onFirstScreen(instead))
                .as("alternatives on the first screen")
                .isTrue();
    }

    @Test
    void theFirstScreenSaysWhatWhyUntilWhenAndWhatInsteadForEveryAffectedChannel() {
        open("/");
        List<WebElement> rows = browser.findElements(By.cssSelector(".banner ul.affected li"));
        assertThat(rows).hasSize(3);
        String online = rows.stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("线上购物"))
                .findFirst()
                .orElseThrow();
        assertThat(online)
                .contains("暂不能使用")
                .contains("技术故障")
                .contains("预计 12:00 恢复")
                .contains("可以先用：微信支付");
        String repayment = rows.stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("还款"))
                .findFirst()
                .orElseThrow();
        assertThat(repayment).contains("合规审查中").contains("合规调整").contains("恢复时间待定");
        String transit = rows.stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("出行"))
                .findFirst()
                .orElseThrow();
        assertThat(transit).contains("维护中").contains("系统维护").contains("预计 13:00 恢复");
        WebElement coming = browser.findElement(By.cssSelector(".banner .coming"));
        assertThat(coming.getText()).contains("线下扫码夜间维护").contains("11月26日 02:00–04:00");
        assertThat(onFirstScreen(coming))
                .as("tomorrow's maintenance on the first screen")
                .isTrue();

        WebElement offline = browser.findElement(By.id("channel-fenfu-offline"));
        assertThat(offline.findElement(By.cssSelector(".badge")).getText()).isEqualTo("正常可用");
        assertThat(offline.findElement(By.cssSelector(".upcoming")).getText()).startsWith("即将维护：11月26日 02:00–04:00");
    }

    @Test
    void theChannelPageIsPublicFirstWithStaffToolsInTheirOwnLabelledSection() {
        open("/channels/fenfu-online");
        List<WebElement> sections = browser.findElements(By.cssSelector("#main > section, #main > article"));
        WebElement staff = sections.get(sections.size() - 1);
        assertThat(staff.getAttribute("class")).contains("staff");
        assertThat(staff.findElement(By.tagName("h2")).getText()).isEqualTo("客服专用：分享与回复");
        assertThat(staff.getAttribute("aria-labelledby")).isEqualTo("staff-tools");
        // nothing for staff before the public content ends
        assertThat(browser.findElements(By.cssSelector("#main textarea, #main .qr")))
                .allSatisfy(
                        tool -> assertThat(staff.findElements(By.xpath(".//*"))).contains(tool));
        // a phone cannot scan its own screen
        assertThat(browser.findElement(By.cssSelector(".qr")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("button.copy")).stream()
                        .map(b -> b.getAttribute("textContent"))
                        .toList())
                .containsExactly("复制链接", "复制中文回复", "复制英文回复");
    }

    @Test
    void statusesAndColoursFitTheKind() {
        open("/notices/" + outage.compliance);
        String meta =
                browser.findElement(By.cssSelector("article.notice p.meta")).getText();
        assertThat(meta).contains("合规调整 · 审查中").doesNotContain("排查中");
        assertThat(browser.findElement(By.cssSelector(".timeline strong")).getText())
                .isEqualTo("审查中");

        open("/");
        WebElement card = browser.findElement(By.id("channel-fenfu-repayment"));
        String border = card.getCssValue("border-left-color");
        assertThat(card.findElement(By.cssSelector(".badge")).getCssValue("color"))
                .isEqualTo(border);
        assertThat(browser.findElement(By.cssSelector("#notice-" + outage.compliance + " .kind"))
                        .getCssValue("color"))
                .isEqualTo(border);
        String review = (String) js("return getComputedStyle(document.documentElement).getPropertyValue('--review')");
        open("/widget");
        assertThat(js("return getComputedStyle(document.documentElement).getPropertyValue('--review')"))
                .isEqualTo(review);
    }

    @Test
    void darkModeFollowsTheSystemWithTheSameContrast() {
        for (String path : List.of("/", "/channels/fenfu-repayment", "/notices/" + outage.fault, "/history")) {
            for (String scheme : List.of("light", "dark")) {
                open(path, scheme);
                assertThat(js("return getComputedStyle(document.documentElement).colorScheme"))
                        .isEqualTo("light dark");
                double[] background =
                        rgb(browser.findElement(By.tagName("body")).getCssValue("background-color"));
                assertThat(luminance(background))
                        .as(scheme + " background of " + path)
                        .matches(l -> scheme.equals("dark") ? l < 0.05 : l > 0.8);
                for (WebElement text : browser.findElements(By.cssSelector(".badge, .meta, .state-word, a"))) {
                    if (!text.isDisplayed()) {
                        continue;
                    }
                    double ratio = contrast(rgb(text.getCssValue("color")), behind(text));
                    assertThat(ratio)
                            .as(scheme + " contrast of " + text.getText() + " on " + path)
                            .isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }

    @Test
    void aResolvedNoticeShowsNoStateChipsReadsAtFullContrastAndItsPostmortemHasHeadings() {
        open("/notices/" + outage.resolved);
        WebElement notice = browser.findElement(By.cssSelector("article.notice"));
        assertThat(notice.findElements(By.cssSelector(".state-word"))).isEmpty();
        assertThat(notice.getText()).contains("微信支付（零钱）").doesNotContain("部分受影响");
        assertThat(notice.getCssValue("opacity")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector(".postmortem .markdown h3")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("发生了什么", "以后如何避免");

        open("/");
        assertThat(browser.findElements(By.cssSelector("#notice-" + outage.resolved + " .state-word")))
                .isEmpty();
    }

    @Test
    void theUptimeFigureSaysWhatItCovers() {
        // 20 minutes of data on a fresh board (a page not opened before: kept pages outlive the clock)
        clock.advance(java.time.Duration.ofMinutes(20));
        open("/channels/alipay");
        String legend = browser.findElement(By.cssSelector(".bars-legend")).getText();
        assertThat(legend).contains("开始记录以来可用率").doesNotContain("近 90 天");
        assertThat(browser.findElement(By.cssSelector(".bars")).getAttribute("aria-label"))
                .startsWith("自 11月25日 开始记录以来可用率");
    }

    @Test
    void theFooterSaysSinceWhenNothingChangedAndThatItWasCheckedOnOpening() {
        open("/");
        String updated = browser.findElement(By.cssSelector("#main p.updated")).getText();
        assertThat(updated).startsWith("自 10:").endsWith("起状态没有变化，打开本页时已核对为最新。");
        assertThat(updated).doesNotContain("更新于");
    }

    @Test
    void timesAreValidHtmlAndHeadingsKeepTheirOrder() {
        Pattern valid = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        for (String path : List.of("/", "/channels/fenfu-online", "/notices/" + outage.fault, "/history")) {
            open(path);
            for (WebElement time : browser.findElements(By.cssSelector("time[datetime]"))) {
                assertThat(time.getAttribute("datetime")).as(path).matches(valid);
            }
            List<Integer> levels = browser.findElements(By.cssSelector("h1, h2, h3, h4, h5, h6")).stream()
                    .map(h -> Integer.parseInt(h.getTagName().substring(1)))
                    .toList();
            assertThat(levels).as("headings of " + path).startsWith(1);
            assertThat(levels.stream().filter(l -> l == 1).count())
                    .as("h1 on " + path)
                    .isEqualTo(1);
            for (int i = 1; i < levels.size(); i++) {
                assertThat(levels.get(i))
                        .as("heading after h" + levels.get(i - 1) + " on " + path)
                        .isLessThanOrEqualTo(levels.get(i - 1) + 1);
            }
        }
        open("/notices/" + outage.fault);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("分付线上购物暂不能使用");
    }

    @Test
    void theBrowsersOwnRequestsAndTheWidgetAreAnsweredProperly() {
        var favicon = http.get("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
        var robots = http.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).contains("Disallow: /admin");

        open("/widget");
        assertThat(browser.findElements(By.cssSelector("meta[name=viewport]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("main h1 a")).getText()).isEqualTo("3 个支付通道受影响");
    }

    @Test
    void theEnglishPageSpeaksEnglishPlurals() {
        open("/?lang=en");
        WebElement banner = browser.findElement(By.cssSelector("section.banner"));
        assertThat(banner.findElement(By.tagName("h1")).getText()).isEqualTo("3 payment channels affected");
        assertThat(banner.getText()).doesNotContain("、").doesNotContain("(s)");
        open("/widget?lang=en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("3 payment channels affected");
    }

    @Test
    void onAPhoneTheNoticeFormsPublishButtonIsOnScreenAndItsTimeFieldSaysHowToFillIt() {
        Browser.signIn(open("/login"), "http://localhost:" + port);
        open("/admin/notices/new");
        // the form's first step is the preview (publish follows on it), kept in view by the sticky bar
        WebElement preview = browser.findElement(By.cssSelector("form.notice-form .actions button[value=preview]"));
        assertThat(preview.getText()).isEqualTo("预览");
        assertThat(onFirstScreen(preview)).as("预览 without scrolling").isTrue();
        WebElement time = browser.findElement(By.cssSelector("input[type=datetime-local]"));
        String described = browser.findElement(By.id(time.getAttribute("aria-describedby")))
                .getText();
        assertThat(described).contains("Asia/Shanghai").contains("24 小时制");
    }

    /**
     * The README's two phone screenshots, light and dark, of this outage's first screen at 360 × 800
     * CSS pixels and a device pixel ratio of 2: {@code -Dpaystatus.screenshots=src/docs}.
     */
    @Test
    void screenshotsForTheReadme() throws Exception {
        String folder = System.getProperty("paystatus.screenshots");
        org.junit.jupiter.api.Assumptions.assumeTrue(folder != null, "-Dpaystatus.screenshots=DIR takes them");
        for (String scheme : List.of("light", "dark")) {
            open("/", scheme);
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 2, "mobile", true));
            browser.navigate().refresh();
            js("document.querySelector('p.live').hidden = true"); // the clock of the last check
            Object shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"))
                    .get("data");
            java.nio.file.Files.write(
                    Path.of(folder, scheme.equals("light") ? "status-page.png" : "status-page-dark.png"),
                    java.util.Base64.getDecoder().decode((String) shot));
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static double[] rgb(String css) {
        Matcher m = Pattern.compile("rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)")
                .matcher(css);
        assertThat(m.find()).as(css).isTrue();
        double alpha = m.group(4) == null ? 1 : Double.parseDouble(m.group(4));
        return new double[] {
            Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), alpha
        };
    }

    /** The first opaque background behind an element. */
    private double[] behind(WebElement element) {
        String colour = (String) js("""
                for (let e = arguments[0]; e; e = e.parentElement) {
                  const c = getComputedStyle(e).backgroundColor;
                  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
                }
                return getComputedStyle(document.body).backgroundColor;""", element);
        return rgb(colour);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(double[] a, double[] b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }
}
