package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.AuditTools;
import com.paystatus.support.Browser;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.NuChecker;
import com.paystatus.support.Outage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of issue 15, on the outage ({@link Outage}), at 360 px in Debian's Chromium:
 * axe-core finds no violation on the public pages, the admin dashboard and the notice form, in light
 * and dark ({@code Emulation.setEmulatedMedia}), Chinese and English; the Nu HTML Checker finds no
 * error in what each of those pages serves; Lighthouse (mobile, one run per page for all four
 * categories) scores 100 in performance, accessibility, best practices and SEO on {@code /}, a channel
 * page, a notice page and {@code /history}, and 100 in accessibility and best practices on the widget
 * (it is {@code noindex}: its SEO score is exempt; its performance is recorded). Each page is timed as
 * its readers get it, from the page cache; a performance score below 100 is the median of five runs
 * (Lighthouse's advice on its variance; two shared cores vary a lot). One browser for axe
 * and the checker, pages in a row, and one for Lighthouse. Needs Chromium ({@code paystatus.browser-tests}) and the npm tools ({@code
 * paystatus.page-audits}, see {@link AuditTools}); each is skipped without them unless required.
 */
@FullAppTest
@FreshBoard
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAuditTest extends HttpTestBase {

    @TempDir
    static Path profile;

    ChromeDriver browser;
    Outage outage;

    @BeforeAll
    void duringTheOutage() {
        AuditTools.installed(); // skips the class, before it posts anything, without the page audits
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

    private List<String> publicPages() {
        return List.of("/", "/channels/fenfu-repayment", "/notices/" + outage.fault, "/history", "/widget");
    }

    private List<String> allPages() {
        List<String> pages = new ArrayList<>(publicPages());
        pages.add("/notices/" + outage.resolved);
        pages.add("/admin");
        pages.add("/admin/notices/new");
        return pages;
    }

    private static String inLanguage(String path, String lang) {
        return lang.equals("zh") ? path : path + (path.contains("?") ? "&" : "?") + "lang=en";
    }

    private ChromeDriver signedIn() {
        if (browser == null) {
            browser = Browser.start(profile, 360, 800, true);
            Browser.signIn(browser, http.base());
        }
        return browser;
    }

    private void colourScheme(String scheme) {
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void axeFindsNoViolationInLightOrDarkChineseOrEnglish() throws Exception {
        AuditTools.installed();
        String axe = Files.readString(AuditTools.axe(), StandardCharsets.UTF_8);
        signedIn();
        List<String> violations = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            colourScheme(scheme);
            for (String lang : List.of("zh", "en")) {
                for (String page : allPages()) {
                    String path = inLanguage(page, lang);
                    browser.get(http.base() + path);
                    assertThat(browser.getCurrentUrl())
                            .as("signed in for " + path)
                            .doesNotContain("/login");
                    browser.executeScript(axe);
                    Object found = browser.executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            axe.run(document, { resultTypes: ["violations"] })
                              .then(r => done(r.violations.map(v => v.id + " (" + v.impact + "): "
                                  + v.nodes.map(n => n.target.join(" ") + " " + n.failureSummary).join(" | "))))
                              .catch(e => done(["axe failed: " + e]));""");
                    for (Object violation : (List<?>) found) {
                        violations.add(scheme + " " + path + ": " + violation);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theNuHtmlCheckerFindsNoErrorInWhatAnyPageServes() throws Exception {
        AuditTools.installed();
        NuChecker nu = new NuChecker();
        // the checker does find what the issue found: six fraction digits in a datetime
        assertThat(nu.errors("""
                        <!DOCTYPE html><html lang="en"><head><title>t</title></head>
                        <body><time datetime="2026-11-25T10:00:00.123456+08:00">10:00</time></body></html>""")).anySatisfy(error -> assertThat(error).contains("datetime"));
        signedIn();
        List<String> errors = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            for (String page : allPages()) {
                String path = inLanguage(page, lang);
                browser.get(http.base() + path);
                // the page as served (with the session, for admin pages), not as scripts changed it;
                // the widget's policy allows it no requests, so it is read from here
                String html = page.equals("/widget") ? http.get(path).body() : (String) browser.executeAsyncScript("""
                                const done = arguments[arguments.length - 1];
                                fetch(location.href, { credentials: "same-origin" })
                                  .then(r => r.text()).then(done).catch(e => done("fetch failed: " + e));""");
                nu.errors(html).forEach(e -> errors.add(path + " " + e));
            }
        }
        assertThat(errors).isEmpty();
        // the checker, set up once for all pages, still finds an error after them
        assertThat(nu.errors("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>"))
                .anySatisfy(error -> assertThat(error).contains("title"));
    }

    @Test
    void lighthouseOnAPhoneScoresHundredInAllFourCategoriesOnEveryPublicPage() throws Exception {
        File script = AuditTools.lighthouseScript();
        List<String> command = new ArrayList<>(List.of("node", script.getName()));
        publicPages().forEach(page -> command.add(http.base() + page));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(script.getParentFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        AuditTools.HOME.resolve("lighthouse.log").toFile()));
        builder.environment().put("CHROME_PATH", "/usr/bin/chromium");
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue())
                .as("lighthouse, see target/page-audits/lighthouse.log")
                .isZero();
        Files.writeString(AuditTools.HOME.resolve("lighthouse.json"), out);
        List<String> lost = new ArrayList<>();
        for (JsonNode result : JsonMapper.builder().build().readTree(out)) {
            String url = result.get("url").asString();
            boolean widget = url.endsWith("/widget");
            assertThat(result.get("runtimeError").isNull())
                    .as(url + " " + result.get("runtimeError"))
                    .isTrue();
            // everything is kept in target/page-audits/lighthouse.json
            for (String category : List.of("performance", "accessibility", "best-practices", "seo")) {
                if (widget && (category.equals("seo") || category.equals("performance"))) {
                    continue;
                }
                double score = result.get("scores").get(category).asDouble();
                if (score < 1) {
                    lost.add(url + " " + category + " " + Math.round(score * 100) + ": " + result.get("failing")
                            + " runs " + result.get("performanceRuns") + " benchmarkIndex "
                            + result.get("benchmarkIndex") + " " + result.get("work") + " "
                            + result.get("longTasks"));
                }
            }
        }
        assertThat(lost).isEmpty();
    }
}
