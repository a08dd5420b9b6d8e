package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.status.cache.PublicPageCache;
import com.paystatus.support.Browser;
import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * The public API, feeds, badges and widget over real HTTP while 分付 is partly down, read by what
 * other teams really use: clients written for Atlassian Statuspage (the npm package {@code
 * statuspage.io} under Node, and Atlassian's own {@code <statuspage-widget>} in headless Chromium on
 * another origin), ROME's feed parser, an XML parser and Chromium's SVG renderer.
 */
@FullAppTest
@FreshBoard
class PublicIntegrationsTest extends HttpTestBase {

    private static final Path CLIENTS = Path.of("src/test/statuspage-client");
    private static final String[] API = PublicEndpoints.ALL.stream()
            .map(PublicEndpoints.Endpoint::path)
            .filter(path -> path.startsWith(PublicEndpoints.API_ROOT))
            .toArray(String[]::new);

    @Autowired
    NoticeService notices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatusSnapshots snapshots;

    @TempDir
    Path profile;

    static NoticeRecord outage;
    static NoticeRecord resolved;

    /** 分付 online unavailable and offline degraded (open); an Alipay hiccup earlier (resolved). */
    @BeforeEach
    void fenfuIsPartlyDown() {
        if (outage == null) {
            resolved = notices.post(
                    new NoticeDraft("支付宝短暂波动", "fault", "少量付款变慢", Map.of("alipay", "degraded"), null, Estimate.UNKNOWN),
                    "ops");
            resolved = notices.postUpdate(resolved.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
            outage = notices.post(
                    new NoticeDraft(
                            "分付线上购物暂不能使用 <b>&",
                            "fault",
                            "部分用户付款失败，正在排查。",
                            Map.of("fenfu-online", "unavailable", "fenfu-offline", "degraded"),
                            null,
                            Estimate.at(clock.instant().plus(Duration.ofHours(2)))),
                    "ops");
        }
    }

    private static boolean required(String property) {
        return "required".equals(System.getProperty(property));
    }

    @Test
    void everyApiEndpointIsOpenToOtherSitesAndBrieflyCacheable() {
        for (String path : API) {
            HttpResponse<String> response = http.get(path, "Origin", "https://shop.example");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .contains("*");
            assertThat(response.headers().allValues("Cache-Control"))
                    .as(path)
                    .containsExactly(PublicPageCache.CACHE_CONTROL.getHeaderValue());
            assertThat(String.join(",", response.headers().allValues("Vary")))
                    .as(path)
                    .contains("Accept-Language");
            assertThat(Http.json(response).get("page").get("time_zone").asString())
                    .isEqualTo("Asia/Shanghai");
        }
        JsonNode status = Http.json(http.get("/api/v2/status.json?lang=en")).get("status");
        assertThat(status.get("indicator").asString()).isEqualTo("major");
        assertThat(status.get("description").asString()).isEqualTo("Some payment channels cannot be used");

        // The admin side stays closed to other sites and uncacheable.
        HttpResponse<String> admin = http.get("/api/admin/channels", "Origin", "https://shop.example");
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(http.get("/login").headers().allValues("Cache-Control"))
                .anySatisfy(v -> assertThat(v).contains("no-store"));
        // And the public API is read-only.
        HttpResponse<String> post = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/v2/summary.json"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(403);
    }

    /** Runs one of the Node scripts beside the npm clients and reads what it printed as JSON. */
    private static JsonNode node(String script, String... args) throws Exception {
        if (!new File(CLIENTS.toFile(), "node_modules").isDirectory() || !hasNode()) {
            if (required("paystatus.statuspage-clients")) {
                fail("Node and " + CLIENTS + "/node_modules are required (npm ci --prefix " + CLIENTS + ")");
            }
            Assumptions.abort("Node or " + CLIENTS + "/node_modules is missing (npm ci --prefix " + CLIENTS + ")");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).directory(CLIENTS.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(err).isZero();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(out);
    }

    @Test
    void theStatuspageIoClientReadsEveryEndpointAndSeesTheRightStates() throws Exception {
        JsonNode seen = node("check.js", http.base());

        assertThat(seen.get("summary").get("status").get("indicator").asString())
                .isEqualTo("major");
        assertThat(seen.get("status").get("status").get("description").asString())
                .isEqualTo("部分支付通道暂不能使用");
        Map<String, String> states = new java.util.HashMap<>();
        seen.get("components")
                .get("components")
                .forEach(c -> states.put(c.get("id").asString(), c.get("status").asString()));
        assertThat(states)
                .containsEntry("fenfu-online", "major_outage")
                .containsEntry("fenfu-offline", "degraded_performance")
                .containsEntry("alipay", "operational")
                .containsEntry("group-fenfu", "major_outage");
        JsonNode unresolved = seen.get("unresolved").get("incidents");
        assertThat(unresolved).hasSize(1);
        assertThat(unresolved.get(0).get("name").asString()).isEqualTo("分付线上购物暂不能使用 <b>&");
        assertThat(unresolved.get(0).get("impact").asString()).isEqualTo("critical");
        assertThat(seen.get("incidents")
                        .get("incidents")
                        .valueStream()
                        .map(i -> i.get("status").asString()))
                .containsExactly("investigating", "resolved");
        for (String list : List.of("upcoming", "active", "maintenances")) {
            assertThat(seen.get(list).get("scheduled_maintenances").isArray()).isTrue();
        }
    }

    private static boolean hasNode() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Atlassian's {@code <statuspage-widget>} on a page of another origin fetches our summary across
     * sites and shows our indicator and description; our badge renders beside it.
     */
    @Test
    void atlassiansStatusWidgetOnAnotherSiteShowsOurStateAndOurBadgeRenders() throws Exception {
        Path widget = CLIENTS.resolve("node_modules/@statuspage/status-widget/dist/index.js");
        if (!Files.isRegularFile(widget)) {
            if (required("paystatus.statuspage-clients")) {
                fail(widget + " is required (npm ci --prefix " + CLIENTS + ")");
            }
            Assumptions.abort(widget + " is missing (npm ci --prefix " + CLIENTS + ")");
        }
        HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] script = Files.readAllBytes(widget);
        byte[] page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>shop</title></head><body>
                <statuspage-widget src="%1$s"></statuspage-widget>
                <img id="badge" src="%1$s/badge/fenfu-online.svg" alt="badge">
                <script src="/status-widget.js"></script></body></html>
                """.formatted(http.base()).getBytes(StandardCharsets.UTF_8);
        otherSite.createContext("/", exchange -> {
            boolean js = exchange.getRequestURI().getPath().equals("/status-widget.js");
            byte[] body = js ? script : page;
            exchange.getResponseHeaders().set("Content-Type", js ? "text/javascript" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        otherSite.start();
        ChromeDriver browser = Browser.start(profile, 800, 600, true);
        try {
            browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
            JavascriptExecutor js = browser;
            String text = new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> (String) js.executeScript("""
                    const w = document.querySelector('statuspage-widget');
                    const t = w && w.shadowRoot && w.shadowRoot.querySelector('.status-text');
                    return t && t.textContent.trim() ? t.textContent.trim() : null;"""));
            assertThat(text).isEqualTo("部分支付通道暂不能使用");
            String indicator = (String)
                    js.executeScript(
                            "return document.querySelector('statuspage-widget').shadowRoot.querySelector('.status-indicator').className");
            assertThat(indicator).contains("major");
            Number badgeWidth = new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(b -> (Number) js.executeScript("const i = document.getElementById('badge');"
                            + " return i.complete && i.naturalWidth > 0 ? i.naturalWidth : null;"));
            Document svg = svg(http.get("/badge/fenfu-online.svg").body());
            assertThat(badgeWidth.intValue())
                    .isEqualTo(Integer.parseInt(svg.getDocumentElement().getAttribute("width")));
        } finally {
            browser.quit();
            otherSite.stop(0);
        }
    }

    @Test
    void feedsParseInRomeWithEveryUpdateOfEveryNotice() throws Exception {
        HttpResponse<String> atom = http.get("/history.atom");
        assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        assertThat(atom.headers().allValues("Cache-Control"))
                .containsExactly(PublicPageCache.CACHE_CONTROL.getHeaderValue());
        SyndFeed history = parse(atom.body());
        assertThat(history.getFeedType()).isEqualTo("atom_1.0");
        assertThat(history.getTitle()).isEqualTo("PayStatus 支付状态 · 全部公告");
        assertThat(titles(history)).containsExactly("[排查中] 分付线上购物暂不能使用 <b>&", "[已恢复] 支付宝短暂波动", "[排查中] 支付宝短暂波动");
        SyndEntry latest = history.getEntries().get(0);
        assertThat(latest.getLink()).isEqualTo(http.base() + "/notices/" + outage.id());
        // the description is HTML, as a feed reader shows it
        assertThat(latest.getDescription().getType()).isIn("html", "text/html");
        assertThat(HtmlUtils.htmlUnescape(latest.getDescription().getValue()))
                .contains("部分用户付款失败，正在排查。", "预计恢复时间：12:00");

        SyndFeed rss = parse(http.get("/history.rss?lang=en").body());
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(titles(rss)).first().isEqualTo("[Investigating] 分付线上购物暂不能使用 <b>&");

        SyndFeed channel = parse(http.get("/channels/fenfu-online.atom").body());
        assertThat(channel.getFeedType()).isEqualTo("atom_1.0");
        assertThat(channel.getTitle()).isEqualTo("分付 · 线上购物 · 状态公告");
        assertThat(titles(channel)).containsExactly("[排查中] 分付线上购物暂不能使用 <b>&");
        assertThat(parse(http.get("/channels/alipay.atom").body()).getEntries()).hasSize(2);

        HttpResponse<String> missing = http.get("/channels/no-such-channel.atom");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no-such-channel");
    }

    @Test
    void feedsParseInNodesStrictFeedparserToo() throws Exception {
        String atom = http.base() + "/history.atom";
        String rss = http.base() + "/history.rss?lang=en";
        String channel = http.base() + "/channels/fenfu-online.atom";
        JsonNode read = node("feeds.js", atom, rss, channel);
        assertThat(read.get(atom).get("type").asString()).isEqualTo("atom");
        assertThat(read.get(atom).get("version").asString()).isEqualTo("1.0");
        assertThat(read.get(atom).get("items")).hasSize(3);
        // feedparser strips anything tag-like from titles: the operator's "<b>" is text, never markup.
        assertThat(read.get(atom).get("items").get(0).get("title").asString()).isEqualTo("[排查中] 分付线上购物暂不能使用 &");
        assertThat(read.get(atom).get("items").get(0).get("link").asString())
                .isEqualTo(http.base() + "/notices/" + outage.id());
        assertThat(read.get(rss).get("type").asString()).isEqualTo("rss");
        assertThat(read.get(rss).get("version").asString()).isEqualTo("2.0");
        assertThat(read.get(rss).get("items").get(0).get("title").asString())
                .isEqualTo("[Investigating] 分付线上购物暂不能使用 &");
        assertThat(read.get(channel).get("items")).hasSize(1);
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void badgesAreSvgInTheStatesColourAndTheRequestedLanguage() throws Exception {
        HttpResponse<String> overall = http.get("/badge.svg");
        assertThat(overall.headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=UTF-8");
        assertThat(overall.headers().allValues("Cache-Control"))
                .containsExactly(PublicPageCache.CACHE_CONTROL.getHeaderValue());
        assertThat(String.join(",", overall.headers().allValues("Vary"))).contains("Accept-Language");
        Document zh = svg(overall.body());
        assertThat(texts(zh)).contains("支付通道", "2 个受影响");
        assertThat(fills(zh)).contains("#e05d44");
        assertThat(texts(svg(http.get("/badge.svg?lang=en").body()))).contains("payments", "2 affected");

        assertThat(texts(svg(http.get("/badge/fenfu-online.svg").body()))).contains("分付 · 线上购物", "暂不能使用");
        assertThat(fills(svg(http.get("/badge/fenfu-offline.svg").body()))).contains("#dfb317");
        Document alipay = svg(http.get("/badge/alipay.svg?lang=en").body());
        assertThat(texts(alipay)).contains("Alipay", "Available");
        assertThat(fills(alipay)).contains("#4c1");
        assertThat(http.get("/badge/no-such-channel.svg").statusCode()).isEqualTo(404);

        // A name an operator typed with markup in it is text in the badge, not markup.
        HttpResponse<String> renamed = http.adminJson("PUT", "/api/admin/channels/odd", """
                {"nameZh": "<b>奇怪\\" & 名字</b>", "nameEn": "Odd", "groupZh": "其他", "groupEn": "Other",
                 "displayOrder": 99, "alternatives": []}""");
        assertThat(renamed.statusCode()).isEqualTo(201);
        assertThat(texts(svg(http.get("/badge/odd.svg").body()))).contains("<b>奇怪\" & 名字</b>");
    }

    private static Document svg(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return document;
    }

    private static List<String> texts(Document svg) {
        List<String> result = new ArrayList<>();
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            result.add(texts.item(i).getTextContent());
        }
        return result;
    }

    private static List<String> fills(Document svg) {
        List<String> result = new ArrayList<>();
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            result.add(((Element) rects.item(i)).getAttribute("fill"));
        }
        return result;
    }

    @Test
    void theWidgetShowsTheOverallStateLinksToTheBoardAndMayBeFramedElsewhere() {
        HttpResponse<String> widget = http.get("/widget");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(widget.headers().allValues("Cache-Control"))
                .containsExactly(PublicPageCache.CACHE_CONTROL.getHeaderValue());
        assertThat(widget.body())
                .contains("2 个支付通道受影响")
                .contains("href=\"" + http.base() + "/\"")
                .contains("target=\"_blank\"")
                .contains("state-unavailable");
        assertThat(http.get("/widget?lang=en").body()).contains("2 payment channels affected");
        // The page where admins copy it is for admins only.
        assertThat(http.get("/admin/widget").statusCode()).isEqualTo(302);
    }

    /** What validation now refuses may already be stored: feeds and badges still answer, well formed. */
    @Test
    void feedsAndBadgesDropCharactersThatXmlCannotCarry() throws Exception {
        String title = jdbc.queryForObject("select title from notice where id = ?", String.class, resolved.id());
        String name = jdbc.queryForObject("select name_zh from channel where slug = 'alipay'", String.class);
        try {
            jdbc.update("update notice set title = ? where id = ?", "支付宝\u0001短暂\uFFFF波动\uD800\u0008", resolved.id());
            jdbc.update("update channel set name_zh = ? where slug = 'alipay'", "支付\uFFFE宝\u001F\uDC00");
            jdbc.update(
                    "update notice_update set message = ? where notice_id = ?", "少量\u0002付款变慢\uD83D", resolved.id());
            bumpRevision();
            for (String path :
                    List.of("/history.atom", "/history.rss", "/channels/alipay.atom", "/history.rss?lang=en")) {
                HttpResponse<String> feed = http.get(path);
                assertThat(feed.statusCode()).as(path).isEqualTo(200);
                Document xml = xml(feed.body());
                assertThat(xml.getDocumentElement().getTextContent()).as(path).contains("支付宝短暂波动", "少量付款变慢");
                assertThat(parse(feed.body()).getEntries()).as(path).isNotEmpty();
            }
            HttpResponse<String> badge = http.get("/badge/alipay.svg");
            assertThat(badge.statusCode()).isEqualTo(200);
            assertThat(xml(badge.body()).getDocumentElement().getTextContent()).contains("支付宝");
        } finally {
            jdbc.update("update notice set title = ? where id = ?", title, resolved.id());
            jdbc.update("update channel set name_zh = ? where slug = 'alipay'", name);
            jdbc.update(
                    "update notice_update set message = ? where notice_id = ? and status = 'investigating'",
                    "少量付款变慢",
                    resolved.id());
            jdbc.update(
                    "update notice_update set message = ? where notice_id = ? and status = 'resolved'",
                    "已恢复",
                    resolved.id());
            bumpRevision();
        }
    }

    /** A feed reader shows the same safe HTML as the pages: Markdown rendered, the operator's markup not. */
    @Test
    void feedsCarryTheSanitisedHtmlOfTheMessageNotItsRawMarkup() throws Exception {
        String markup = "**付款失败**，请改用 *支付宝*。<script>alert(1)</script> <img src=x onerror=alert(1)>"
                + " [详情](javascript:alert(1))";
        long update =
                jdbc.queryForObject("select min(id) from notice_update where notice_id = ?", Long.class, outage.id());
        String message = jdbc.queryForObject("select message from notice_update where id = ?", String.class, update);
        try {
            jdbc.update("update notice_update set message = ? where id = ?", markup, update);
            bumpRevision();
            List<String> texts = new ArrayList<>();
            texts.addAll(decoded(http.get("/history.rss").body(), "description"));
            texts.addAll(decoded(http.get("/history.atom").body(), "summary"));
            texts.addAll(decoded(http.get("/history.atom").body(), "content"));
            texts.addAll(decoded(http.get("/channels/fenfu-online.atom").body(), "summary"));
            texts.addAll(decoded(http.get("/channels/fenfu-online.atom").body(), "content"));
            List<String> withMessage =
                    texts.stream().filter(t -> t.contains("付款失败")).toList();
            assertThat(withMessage).hasSizeGreaterThanOrEqualTo(3);
            for (String html : withMessage) {
                // the operator's tags arrive as text at most, never as markup a reader would run
                assertThat(html.toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain("<script", "<img", "javascript:")
                        .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
                assertThat(html).contains("<strong>付款失败</strong>", "<em>支付宝</em>");
            }
        } finally {
            jdbc.update("update notice_update set message = ? where id = ?", message, update);
            bumpRevision();
        }
    }

    /** The text of every element called {@code name}, as a feed reader decodes it. */
    private static List<String> decoded(String feed, String name) throws Exception {
        NodeList nodes = xml(feed).getElementsByTagNameNS("*", name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private void bumpRevision() {
        jdbc.update("update status_revision set revision = revision + 1 where id = 1");
        snapshots.refreshIfBehind();
    }
}
