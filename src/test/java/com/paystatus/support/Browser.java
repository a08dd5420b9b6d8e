package com.paystatus.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its own chromedriver (never a downloaded one). CI installs
 * both and sets {@code paystatus.browser-tests=required}, so a missing browser fails there; on a
 * developer's machine without Chromium the browser tests are reported as skipped.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Browser() {}

    /**
     * Signs the admin in through the login form and waits until the browser has left it: a click on
     * submit does not wait for the navigation it starts, and a page opened before that navigation ends
     * cancels the sign-in.
     */
    public static void signIn(ChromeDriver browser, String base) {
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(Http.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    public static ChromeDriver start(Path profile, int width, int height, boolean javascript) {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            if ("required".equals(System.getProperty("paystatus.browser-tests"))) {
                fail("Browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver is missing");
            }
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
                "--accept-lang=zh-CN,zh",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
