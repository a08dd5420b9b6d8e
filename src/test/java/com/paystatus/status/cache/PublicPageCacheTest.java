package com.paystatus.status.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.status.PublicEndpoints;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.RawHttp;
import com.paystatus.support.TestClockConfig;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public pages under a surge, over real HTTP: kept bytes with a strong ETag and 304s, gzip, no way
 * around the cache or into growing it, and every kind of change visible at once on the public URLs.
 */
// A context of its own (not FullAppTest): it counts SQL statements (statistics on), keeps the snapshot
// from polling in the middle of a count, shrinks the cache's bounds to reach them, trusts loopback as
// a proxy and adds a bean that breaks rendering on demand; each of these would change what the
// shared context's tests see. Its own database (page-cache), closed after the class.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:page-cache;DB_CLOSE_DELAY=-1",
            "spring.jpa.properties.hibernate.generate_statistics=true",
            // the tests rebuild the snapshot themselves: a poll that catches up with a revision a
            // test wrote would run the snapshot's queries in the middle of a count of statements
            "paystatus.snapshot.poll-interval=1h",
            "paystatus.cache.max-variants=" + PublicPageCacheTest.MAX_VARIANTS,
            "paystatus.cache.uncached-per-second=" + PublicPageCacheTest.UNCACHED_PER_SECOND,
            // only the test's own loopback connections may say which client they forward for
            "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1"
        })
@ActiveProfiles("test")
@Import({TestClockConfig.class, RenderFaults.Config.class})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class PublicPageCacheTest extends HttpTestBase {

    static final int MAX_VARIANTS = 40;
    static final int UNCACHED_PER_SECOND = 10;

    /** Every page kept with the snapshot, for the channel alipay (notices come and go). */
    static final List<String> PUBLIC_URLS = PublicEndpoints.ALL.stream()
            .filter(e -> e.kept() == PublicEndpoints.Kept.WITH_SNAPSHOT && !e.isPerNotice())
            .map(e -> e.with("alipay"))
            .toList();

    @Autowired
    PublicPageCache cache;

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    StatusSnapshots snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RenderFaults faults;

    @Autowired
    NoticeService notices;

    @Autowired
    EntityManagerFactory entityManagers;

    HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        // each test starts with room for variants, whatever the one before left
        cache.clearVariants();
    }

    @AfterEach
    void backToStart() {
        faults.reset();
        clock.set(TestClockConfig.START);
    }

    private HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return raw.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String etag(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void theFirstReaderAndTheNextGetTheSameHeadersEachOnce() {
        for (String lang : new String[] {"zh", "en"}) {
            bumpRevision(); // the next read renders the page
            HttpResponse<String> rendered = http.get("/?lang=" + lang);
            HttpResponse<String> kept = http.get("/?lang=" + lang);
            assertThat(rendered.statusCode()).isEqualTo(200);
            assertThat(kept.headers().firstValue("ETag"))
                    .isEqualTo(rendered.headers().firstValue("ETag"));
            for (HttpResponse<String> response : List.of(rendered, kept)) {
                Map<String, List<String>> headers = headersBesidesDate(response);
                assertThat(headers.get("content-language"))
                        .as(lang)
                        .containsExactly(lang.equals("zh") ? "zh-CN" : "en");
                assertThat(headers.get("content-type")).containsExactly("text/html;charset=UTF-8");
                assertThat(headers.get("x-content-type-options"))
                        .as("Spring Security's headers")
                        .containsExactly("nosniff");
                headers.forEach((name, values) -> assertThat(values).as(name).hasSize(1));
            }
            assertThat(headersBesidesDate(kept)).isEqualTo(headersBesidesDate(rendered));
        }
    }

    @Test
    void everyPublicAnswerHasAStrongEtagAndA304ForAClientThatHasIt() {
        for (String path : PUBLIC_URLS) {
            HttpResponse<String> first = http.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path).startsWith("\"").doesNotStartWith("W/");
            assertThat(first.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v)
                            .contains("public", "max-age=1", "stale-while-revalidate=", "stale-if-error="));
            assertThat(String.join(",", first.headers().allValues("Vary")))
                    .as(path)
                    .contains("Accept-Language", "Accept-Encoding");
            assertThat(first.headers().firstValue("Set-Cookie")).as(path).isEmpty();

            HttpResponse<String> again = http.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(again.headers().firstValue("ETag")).as(path).contains(etag);

            assertThat(http.get(path, "If-None-Match", "\"something-else\"").statusCode())
                    .as(path)
                    .isEqualTo(200);
        }
        // Each language is its own page with its own tag.
        assertThat(etag("/?lang=en")).isNotEqualTo(etag("/"));
        assertThat(http.get("/", "Accept-Language", "en").headers().firstValue("ETag"))
                .contains(etag("/?lang=en"));
    }

    @Test
    void publicAnswersAreGzippedForClientsThatAcceptIt() {
        for (String path : PUBLIC_URLS) {
            HttpResponse<byte[]> plain = bytes(path);
            HttpResponse<byte[]> gzipped = bytes(path, "Accept-Encoding", "gzip, deflate, br");
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            if (plain.body().length < CachedPage.GZIP_MIN_BYTES) {
                assertThat(gzipped.headers().firstValue("Content-Encoding"))
                        .as(path)
                        .isEmpty();
                continue;
            }
            assertThat(gzipped.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .contains("gzip");
            assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length);
            assertThat(gunzip(gzipped.body())).as(path).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
            assertThat(gzipped.headers().firstValue("ETag"))
                    .as(path)
                    .isNotEqualTo(plain.headers().firstValue("ETag"));
            assertThat(gzipped.headers().firstValue("Content-Length"))
                    .as(path)
                    .contains(Integer.toString(gzipped.body().length));
            // A client that refuses gzip gets the plain bytes.
            assertThat(bytes(path, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding"))
                    .as(path)
                    .isEmpty();
        }
        // The rest (here the stylesheet and the login page) is gzipped by the server.
        assertThat(bytes("/login", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
                .contains("gzip");
    }

    @Test
    void aLargePageSentFromItsFileHasTheSameBytesAsFromMemory() {
        String paragraph = "分付线上购物付款失败，技术人员正在排查。".repeat(99); // near the 2,000 limit: the board is ~60 KB
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "长公告", "kind": "fault", "message": "%s",
                 "channels": {"fenfu-online": "degraded"}, "estimatedRecoveryAt": null}""".formatted(paragraph));
        assertThat(posted.statusCode()).isEqualTo(201);
        long id = Http.json(posted).get("id").asLong();
        try {
            for (int i = 0; i < 4; i++) {
                http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "identified", "message": "%d %s", "estimatedRecoveryAt": null}""".formatted(i, paragraph));
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> plain = bytes("/");
                assertThat(plain.body().length).isGreaterThan(CachedPage.SENDFILE_MIN_BYTES);
                assertThat(plain.headers().firstValue("Content-Length"))
                        .contains(Integer.toString(plain.body().length));
                String fromMemory = gunzip(bytes("/", "Accept-Encoding", "gzip").body());
                assertThat(new String(plain.body(), StandardCharsets.UTF_8))
                        .isEqualTo(fromMemory)
                        .contains("长公告");
            }
        } finally {
            resolve(id);
        }
    }

    @Test
    void assetsHaveFingerprintedUrlsCachedForAYear() throws Exception {
        String board = http.get("/").body();
        // the board carries its stylesheet inline; the admin pages link it under its content's MD5
        assertThat(board).doesNotContain("/css/app");
        String md5 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5")
                        .digest(new ClassPathResource("static/css/app.css").getContentAsByteArray()));
        String css = "/css/app-" + md5 + ".css";
        Matcher js = Pattern.compile("src=\"(/js/live-[0-9a-f]{32}\\.js)\"").matcher(board);
        assertThat(js.find()).as("fingerprinted live.js").isTrue();
        Matcher icon = Pattern.compile("href=\"(/favicon-[0-9a-f]{32}\\.ico)\"").matcher(board);
        assertThat(icon.find()).as("fingerprinted icon").isTrue();
        for (String asset : List.of(css, js.group(1), icon.group(1))) {
            HttpResponse<byte[]> response = bytes(asset, "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control"))
                    .as(asset)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "public"));
        }
        assertThat(bytes(css, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
                .contains("gzip");
    }

    @Test
    void queryParametersHeadersCookiesAndHostsNeitherBypassNorGrowTheCache() {
        String board = http.get("/").body();
        http.get("/?lang=en");
        http.get("/api/v2/summary.json");
        http.get("/api/v2/summary.json?lang=en");
        int size = cache.size();
        long renders = cache.renders();

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = http.get(
                    "/?x=" + i + "&lang=zh&_=" + System.nanoTime(),
                    "Cache-Control",
                    "no-cache",
                    "Pragma",
                    "no-cache",
                    "Cookie",
                    "JSESSIONID=" + i + "; other=" + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(board);
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(http.get("/?lang=en&x=" + i).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 30; i++) {
            http.send(
                    HttpRequest.newBuilder(URI.create(http.base() + "/api/v2/summary.json?cb=" + i)),
                    "Accept-Language",
                    "en-US,en;q=0." + (i % 9 + 1) + ",fr;q=0.1");
        }
        // Unknown channels and notices are 404 pages, never kept.
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/channels/made-up-" + i).statusCode()).isEqualTo(404);
            assertThat(http.get("/notices/" + (900_000 + i)).statusCode()).isEqualTo(404);
        }
        assertThat(cache.renders()).isEqualTo(renders);
        assertThat(cache.size()).isEqualTo(size);
        // The admin area and the login page are never kept, and stay uncacheable.
        assertThat(http.get("/login").headers().allValues("Cache-Control"))
                .anySatisfy(v -> assertThat(v).contains("no-store"));
        assertThat(http.get("/admin").statusCode()).isEqualTo(302);
        assertThat(cache.size()).isEqualTo(size);
    }

    @Test
    void aMadeUpHostNeverReachesTheLinksThatAreServed() {
        long notice = Http.json(http.adminJson("POST", "/api/admin/notices", """
                        {"title": "主机头测试", "kind": "fault", "message": "排查中", "channels": {"alipay": "degraded"}, "estimatedRecoveryAt": null}"""))
                .get("id")
                .asLong();
        List<String> shared = List.of(
                "/",
                "/channels/alipay",
                "/notices/" + notice,
                "/history.atom",
                "/history.rss",
                "/channels/alipay.atom",
                "/api/v2/summary.json",
                "/widget");
        for (String path : shared) {
            RawHttp.Answer poisoned =
                    RawHttp.get(port, "127.0.0.1", path, "Host: evil.example", "X-Forwarded-Host: evil.example");
            assertThat(poisoned.status()).as(path).isEqualTo(200);
            assertThat(poisoned.all())
                    .as("what a cache in front would keep for everyone: " + path)
                    .doesNotContain("evil.example");
        }
        for (String path : shared) {
            assertThat(http.get(path).body()).as(path).doesNotContain("evil.example");
        }
        assertThat(Http.json(http.get("/api/v2/summary.json"))
                        .get("page")
                        .get("url")
                        .asString())
                .isEqualTo("http://localhost:" + port);
        resolve(notice);
    }

    @Test
    void aSurgeOfReadersAfterAChangeRendersThePageOnce() throws Exception {
        String before = http.get("/").body();
        http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "degraded", "reason": "surge"}""");
        long renders = cache.renders();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<String>> readers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                readers.add(
                        () -> http.get("/?r=" + Thread.currentThread().getId()).body());
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(readers)) {
                bodies.add(f.get());
            }
            String after = http.get("/").body();
            assertThat(after).contains("surge");
            // Readers that came while the new page was being rendered got the previous one.
            assertThat(bodies).allSatisfy(b -> assertThat(b).isIn(before, after));
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.renders()).isEqualTo(renders + 1);
        http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "available", "reason": "ok"}""");
    }

    @Test
    void headAnswersWithTheHeadersOnly() {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).contains(etag("/"));
    }

    @Test
    void wordsRelativeToNowFollowTheClockNotJustTheRevision() {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "线下扫码变慢", "kind": "fault", "message": "排查中",
                 "channels": {"fenfu-offline": "degraded"}, "estimatedRecoveryAt": "2026-11-25T12:00:00+08:00"}""");
        assertThat(posted.statusCode()).isEqualTo(201);
        try {
            assertThat(http.get("/channels/fenfu-offline").body()).contains("约 2 小时后");
            long renders = cache.renders();
            assertThat(http.get("/channels/fenfu-offline").body()).contains("约 2 小时后");
            assertThat(cache.renders()).isEqualTo(renders);

            clock.advance(Duration.ofMinutes(61));
            assertThat(http.get("/channels/fenfu-offline").body())
                    .contains("约 59 分钟后")
                    .doesNotContain("约 2 小时后");
            assertThat(cache.renders()).isEqualTo(renders + 1);
            clock.advance(Duration.ofMinutes(65));
            assertThat(http.get("/channels/fenfu-offline").body()).contains("已超过预计恢复时间，我们会尽快更新");
        } finally {
            resolve(Http.json(posted).get("id").asLong());
        }
    }

    @Test
    void everyKindOfChangeIsVisibleOnThePublicUrlsAtOnce() {
        // a notice
        List<String> before = etags();
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "支付宝付款失败", "kind": "fault", "message": "部分用户付款失败",
                 "channels": {"alipay": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).isEqualTo(201);
        long id = Http.json(posted).get("id").asLong();
        assertThat(http.get("/").body()).contains("支付宝付款失败");
        assertThat(http.get("/channels/alipay").body()).contains("支付宝付款失败");
        assertThat(http.get("/notices/" + id).body()).contains("部分用户付款失败");
        assertThat(http.get("/api/v2/summary.json").body()).contains("支付宝付款失败");
        assertThat(http.get("/history.atom").body()).contains("支付宝付款失败");
        assertThat(http.get("/badge/alipay.svg").body()).contains("暂不能使用");
        assertEveryUrlChanged(before, etags());

        // an update to it
        String noticeEtag = etag("/notices/" + id);
        before = etags();
        assertThat(http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                        {"status": "identified", "message": "已找到原因证书过期", "estimatedRecoveryAt": null}""")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/").body()).contains("已找到原因证书过期");
        assertThat(http.get("/notices/" + id).body()).contains("已找到原因证书过期");
        assertThat(etag("/notices/" + id)).isNotEqualTo(noticeEtag);
        assertThat(http.get("/api/v2/incidents/unresolved.json").body()).contains("已找到原因证书过期");
        assertThat(http.get("/history.rss").body()).contains("已找到原因证书过期");
        assertChanged(before, etags(), SHOWING_UPDATES);
        resolve(id);

        // a state set directly
        String channelEtag = etag("/channels/wechat-pay");
        assertThat(http.adminJson("PUT", "/api/admin/channels/wechat-pay/state", """
                        {"state": "degraded", "reason": "零钱通道限流"}""")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/").body()).contains("零钱通道限流");
        assertThat(etag("/channels/wechat-pay")).isNotEqualTo(channelEtag);
        assertThat(http.get("/channels/wechat-pay").body()).contains("部分受影响");
        assertThat(http.get("/badge/wechat-pay.svg").body()).contains("部分受影响");
        assertThat(http.get("/api/v2/components.json").body()).contains("degraded_performance");
        http.adminJson("PUT", "/api/admin/channels/wechat-pay/state", """
                {"state": "available", "reason": "恢复"}""");

        // a channel edit
        assertThat(http.adminJson("PUT", "/api/admin/channels/bank-card", """
                        {"nameZh": "银行卡（借记卡）", "nameEn": "Bank card (debit)", "groupZh": "其他支付方式",
                         "groupEn": "Other ways to pay", "displayOrder": 30, "alternatives": ["alipay"]}""").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/").body()).contains("银行卡（借记卡）");
        assertThat(http.get("/channels/bank-card?lang=en").body()).contains("Bank card (debit)");
        assertThat(http.get("/badge/bank-card.svg").body()).contains("银行卡（借记卡）");
        assertThat(http.get("/api/v2/components.json?lang=en").body()).contains("Bank card (debit)");
    }

    @Test
    void aMaintenanceWindowStartingIsVisibleOnceItsTransitionIsWritten() {
        var window = maintenances.schedule(
                new MaintenanceDraft(
                        "出行功能升级",
                        "升级期间暂停使用",
                        List.of("fenfu-transit"),
                        clock.instant().plus(Duration.ofMinutes(10)),
                        clock.instant().plus(Duration.ofMinutes(70))),
                "ops");
        try {
            assertThat(http.get("/").body()).contains("出行功能升级");
            assertThat(http.get("/api/v2/scheduled-maintenances/upcoming.json").body())
                    .contains("出行功能升级");
            assertThat(http.get("/channels/fenfu-transit").body()).doesNotContain("维护中");

            // Time passes the start; the page of this minute is kept before the transition is written...
            clock.advance(Duration.ofMinutes(11));
            String channelEtag = etag("/channels/fenfu-transit");
            String summaryEtag = etag("/api/v2/components.json");
            // ...and writing it (what the scheduler does) changes the page at once, in the same minute.
            assertThat(maintenances.recordDueTransitions()).isEqualTo(1);
            assertThat(etag("/channels/fenfu-transit")).isNotEqualTo(channelEtag);
            assertThat(http.get("/channels/fenfu-transit").body()).contains("维护中");
            assertThat(etag("/api/v2/components.json")).isNotEqualTo(summaryEtag);
            assertThat(http.get("/api/v2/components.json").body()).contains("under_maintenance");
            assertThat(http.get("/badge/fenfu-transit.svg").body()).contains("维护中");
        } finally {
            maintenances.completeEarly(window.id(), "完成", "ops");
        }
    }

    @Test
    void aChangeWrittenByAnotherInstanceIsPickedUpFromTheRevisionRow() {
        String before = etag("/");
        // Another instance on the same database renames a channel and bumps the revision.
        jdbc.update("update channel set name_zh = '支付宝（另一实例）' where slug = 'alipay'");
        jdbc.update("update status_revision set revision = revision + 1 where id = 1");
        try {
            assertThat(etag("/")).isEqualTo(before);
            // What the snapshot poll does every second:
            assertThat(snapshots.refreshIfBehind()).isTrue();
            assertThat(http.get("/").body()).contains("支付宝（另一实例）");
            assertThat(snapshots.refreshIfBehind()).isFalse();
        } finally {
            jdbc.update("update channel set name_zh = '支付宝' where slug = 'alipay'");
            jdbc.update("update status_revision set revision = revision + 1 where id = 1");
            snapshots.refreshIfBehind();
        }
    }

    @Test
    void aFailingRenderServesTheLastGoodBytesOfThatPageAndLogsOnce(CapturedOutput output) {
        HttpResponse<String> good = http.get("/");
        assertThat(good.statusCode()).isEqualTo(200);
        String goodEtag = good.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> goodEnglish = http.get("/?lang=en");
        faults.fail("/");
        bumpRevision();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> served = http.get("/");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(good.body());
            assertThat(served.headers().firstValue("ETag")).contains(goodEtag);
            // the same answer: English readers keep the English page
            assertThat(http.get("/?lang=en").body()).isEqualTo(goodEnglish.body());
        }
        assertThat(http.get("/", "If-None-Match", goodEtag).statusCode()).isEqualTo(304);
        assertThat(occurrences(output.getOut(), "Could not render the public page / (zh)"))
                .isEqualTo(1);

        faults.reset();
        bumpRevision();
        long renders = cache.renders();
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(cache.renders()).isEqualTo(renders + 1);
    }

    @Test
    void aPageThatNeverRenderedIsAFriendly503WithRetryAfter(CapturedOutput output) {
        faults.fail("/history");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = http.get("/history?page=4242");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("暂时无法显示").doesNotContain("Exception", "at com.");
        }
        assertThat(occurrences(output.getOut(), "Could not render the public page /history"))
                .isEqualTo(1);
        // a JSON client gets a problem document
        faults.fail("/api/v2/summary.json");
        HttpResponse<String> english = http.get("/api/v2/summary.json?lang=en", "Origin", "https://other.example");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(english.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(english).get("status").asInt()).isEqualTo(503);
        assertThat(english.body()).doesNotContain("Exception");
    }

    @Test
    void readersDuringAReRenderGetThePreviousBytesAtOnce() throws Exception {
        String before = http.get("/").body();
        CountDownLatch release = faults.hold("/");
        http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                {"state": "degraded", "reason": "慢慢渲染"}""");
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<String> renderer = pool.submit(() -> http.get("/").body());
            assertThat(faults.awaitHeldRender(30)).as("the re-render started").isTrue();
            List<Future<HttpResponse<String>>> readers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                readers.add(pool.submit(() -> http.get("/?reader")));
            }
            for (Future<HttpResponse<String>> reader : readers) {
                HttpResponse<String> response = reader.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(before);
            }
            assertThat(release.getCount()).as("the render is still held").isEqualTo(1);
            assertThat(renderer.isDone()).isFalse();
            release.countDown();
            assertThat(renderer.get(30, TimeUnit.SECONDS)).contains("慢慢渲染");
            assertThat(http.get("/").body()).contains("慢慢渲染");
        } finally {
            release.countDown();
            pool.shutdownNow();
            http.adminJson("PUT", "/api/admin/channels/alipay/state", """
                    {"state": "available", "reason": "ok"}""");
        }
    }

    @Test
    void theBoardShowsAFewRecentlyResolvedNoticesAndLinksToTheRest() {
        for (int i = 1; i <= 40; i++) {
            var notice = notices.post(
                    new NoticeDraft(
                            "已恢复的小故障 第" + i + "条",
                            "fault",
                            "排查中",
                            Map.of("bank-card", "degraded"),
                            null,
                            Estimate.UNKNOWN),
                    "ops");
            notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
        }
        String board = http.get("/").body();
        assertThat(occurrences(board, "已恢复的小故障 第")).isBetween(1, 10);
        assertThat(board).contains("已恢复的小故障 第40条").doesNotContain("已恢复的小故障 第30条<");
        assertThat(board).containsPattern("<a href=\"/history\"[^>]*>[^<]*还有 \\d+ 条");
        String english = http.get("/?lang=en").body();
        assertThat(occurrences(english, "已恢复的小故障 第")).isBetween(1, 10);
        assertThat(english).containsPattern("<a href=\"/history\\?lang=en\"[^>]*>[^<]*\\d+ more");
    }

    @Test
    void aHistoryPageIsReadFromTheDatabaseOncePerRevisionWhateverTheQueryString() {
        String url = "/history?page=1&channel=alipay";
        HttpResponse<String> first = http.get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        int size = cache.size();
        long renders = cache.renders();
        Statistics statistics = statistics();
        statistics.clear();
        for (int i = 0; i < 200; i++) {
            String junk = switch (i % 4) {
                case 0 -> "&utm_source=" + i;
                case 1 -> "&x" + i + "=" + "y".repeat(i % 50);
                case 2 -> "&_=" + System.nanoTime() + "&lang=zh";
                default -> "&page=1&channel=alipay&kind=&cb=" + i;
            };
            HttpResponse<String> again = http.get(
                    "/history?channel=alipay&page=1" + junk, "Cache-Control", "no-cache", "Cookie", "JSESSIONID=" + i);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("ETag")).contains(etag);
        }
        assertThat(statistics.getPrepareStatementCount()).as("SQL statements").isZero();
        assertThat(cache.renders()).isEqualTo(renders);
        assertThat(cache.size()).isEqualTo(size);
        // Unknown filter values are explained, and do not fill the cache either.
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/history?channel=nope-" + i).body()).contains("nope-" + i);
        }
        assertThat(cache.size()).isEqualTo(size);
        assertThat(statistics.getPrepareStatementCount()).as("SQL statements").isZero();
    }

    @Test
    void manyDistinctHistoryPagesKeepTheCacheBounded() {
        http.get("/");
        long renders = cache.renders();
        int size = cache.size();
        for (int page = 1; page <= 3 * MAX_VARIANTS; page++) {
            assertThat(http.get("/history?kind=fault&page=" + page).statusCode())
                    .isEqualTo(200);
        }
        assertThat(cache.renders()).as("history pages are kept").isGreaterThanOrEqualTo(renders + 3 * MAX_VARIANTS);
        assertThat(cache.size()).isLessThanOrEqualTo(size + MAX_VARIANTS);
    }

    @Test
    void aNetworkOverItsCapGets429WhileOtherNetworksAndCachedPagesStillAnswer() {
        http.get("/");
        HttpResponse<String> refused = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < 400 && refused == null && System.nanoTime() < deadline; i++) {
            HttpResponse<String> response =
                    http.get("/notices/" + (800_000 + i), "X-Forwarded-For", "203.0.113." + (i % 200 + 1));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(404);
            }
        }
        assertThat(refused).as("a 429 within 400 requests").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain("Exception");
        // the same network still reads what is cached
        assertThat(http.get("/", "X-Forwarded-For", "203.0.113.77").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v2/summary.json", "X-Forwarded-For", "203.0.113.78")
                        .statusCode())
                .isEqualTo(200);
        // another network is not affected
        assertThat(http.get("/notices/123456789", "X-Forwarded-For", "198.51.100.7")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/history?page=999", "X-Forwarded-For", "2001:db8:1:2::7")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOldNoticeAndAChannelsAvailabilityAreReadOncePerRevision() {
        var notice = notices.post(
                new NoticeDraft("很久以前的故障", "fault", "排查中", Map.of("bank-card", "degraded"), null, Estimate.UNKNOWN),
                "ops");
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
        try {
            clock.advance(Duration.ofDays(30));
            bumpRevision();
            assertThat(snapshots.current().notice(notice.id()))
                    .as("left the snapshot")
                    .isEmpty();
            String etag = etag("/notices/" + notice.id());
            String availability = etag("/api/channels/alipay/availability?days=7");
            long renders = cache.renders();
            Statistics statistics = statistics();
            statistics.clear();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> page = http.get("/notices/" + notice.id() + "?ref=" + i);
                assertThat(page.body()).contains("很久以前的故障");
                assertThat(page.headers().firstValue("ETag")).contains(etag);
                assertThat(http.get("/api/channels/alipay/availability?days=07&x=" + i)
                                .headers()
                                .firstValue("ETag"))
                        .contains(availability);
            }
            assertThat(statistics.getPrepareStatementCount())
                    .as("SQL statements")
                    .isZero();
            assertThat(cache.renders()).isEqualTo(renders);
            assertThat(http.get("/api/channels/alipay/availability?days=0").statusCode())
                    .isEqualTo(400);
        } finally {
            clock.set(TestClockConfig.START);
            bumpRevision();
        }
    }

    private Statistics statistics() {
        return entityManagers.unwrap(SessionFactory.class).getStatistics();
    }

    private static Map<String, List<String>> headersBesidesDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("date");
        return headers;
    }

    private void bumpRevision() {
        jdbc.update("update status_revision set revision = revision + 1 where id = 1");
        snapshots.refreshIfBehind();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private void resolve(long id) {
        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "resolved", "message": "已恢复", "estimatedRecoveryAt": null}""");
    }

    private List<String> etags() {
        return PUBLIC_URLS.stream().map(this::etag).toList();
    }

    /** The URLs that show a notice's updates; the state of channels does not change with an update. */
    static final List<String> SHOWING_UPDATES = List.of(
            "/",
            "/channels/alipay",
            "/api/v2/summary.json",
            "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json",
            "/history.atom",
            "/history.rss",
            "/channels/alipay.atom");

    /**
     * Every URL that shows a new notice or the state it puts a channel in changes; the maintenance
     * lists, which show neither, keep their bytes and their tags.
     */
    private static void assertEveryUrlChanged(List<String> before, List<String> after) {
        for (int i = 0; i < PUBLIC_URLS.size(); i++) {
            // maintenance documents (the API's and the calendars) show no notice
            if (PUBLIC_URLS.get(i).contains("scheduled-maintenances")
                    || PUBLIC_URLS.get(i).endsWith("maintenance.ics")) {
                assertThat(after.get(i)).as(PUBLIC_URLS.get(i)).isEqualTo(before.get(i));
                continue;
            }
            assertThat(after.get(i)).as(PUBLIC_URLS.get(i)).isNotEqualTo(before.get(i));
        }
    }

    private static void assertChanged(List<String> before, List<String> after, List<String> urls) {
        for (String url : urls) {
            int i = PUBLIC_URLS.indexOf(url);
            assertThat(after.get(i)).as(url).isNotEqualTo(before.get(i));
        }
    }
}
