package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.RawHttp;
import com.paystatus.support.WebSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Headers, cookies and limits, and script or markup written into every text field, read back from
 * every output: pages in both languages, the admin pages, JSON, feeds, badges, the widget and the
 * support reply.
 */
@FullAppTest
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest extends HttpTestBase {

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pagesForbidInlineScriptsAndFramingByOthers() throws Exception {
        for (String path : List.of("/", "/login", "/channels/fenfu-online", "/history")) {
            HttpResponse<String> page = http.get(path);
            String csp = header(page, "Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
            assertThat(header(page, "Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.body())
                    .doesNotContain(" style=\"")
                    .doesNotContain("<style ")
                    .doesNotContain("onclick=");
            // the one inline stylesheet (the public layout's) is allowed by its hash, nothing else is
            Matcher styles =
                    Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
            int inline = 0;
            while (styles.find()) {
                inline++;
                assertThat(csp).as(path).contains("style-src 'self' 'sha256-" + sha256(styles.group(1)) + "';");
            }
            assertThat(inline).as(path).isLessThanOrEqualTo(1);
            assertThat(page.body().replaceAll("<script src=\"[^\"]+\" defer></script>", ""))
                    .doesNotContain("<script");
        }
    }

    @Test
    void theWidgetMayBeFramedAnywhereAndDataIsFramedNowhere() {
        HttpResponse<String> widget = http.get("/widget");
        assertThat(header(widget, "Content-Security-Policy"))
                .contains("frame-ancestors *")
                .doesNotContain("script-src");
        assertThat(header(widget, "X-Frame-Options")).isEmpty();
        for (String path : List.of("/api/v2/summary.json", "/history.atom", "/badge/fenfu-online.svg")) {
            HttpResponse<String> data = http.get(path);
            assertThat(header(data, "Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(header(data, "X-Content-Type-Options")).isEqualTo("nosniff");
        }
        HttpResponse<String> api = http.adminJson("GET", "/api/admin/channels", "");
        assertThat(header(api, "Content-Security-Policy")).contains("default-src 'none'");
        assertThat(header(api, "Cache-Control")).contains("no-store");
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() {
        HttpResponse<String> plain = http.get("/login");
        assertThat(header(plain, "Strict-Transport-Security")).isEmpty();
        assertThat(header(plain, "Set-Cookie"))
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");

        // the test profile names 127.0.0.2 as the reverse proxy
        RawHttp.Answer proxied = RawHttp.get(port, "127.0.0.2", "/login", "X-Forwarded-Proto: https");
        assertThat(proxied.header("Strict-Transport-Security")).anyMatch(v -> v.contains("max-age="));
        assertThat(proxied.header("Set-Cookie")).anyMatch(v -> v.contains("Secure") && v.contains("HttpOnly"));
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNotTheProxyAreIgnored() {
        RawHttp.Answer claimed =
                RawHttp.get(port, "127.0.0.1", "/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.header("Strict-Transport-Security")).isEmpty();
        assertThat(claimed.header("Set-Cookie")).noneMatch(v -> v.contains("Secure"));
    }

    @Test
    void theBoardAndTheLoginFormCreateNoSessionAndSigningInStillNeedsTheCsrfToken() {
        for (String path : List.of("/", "/login", "/admin", "/login?error")) {
            assertThat(http.get(path).headers().allValues("Set-Cookie"))
                    .as(path)
                    .noneMatch(c -> c.startsWith("JSESSIONID"));
        }

        WebSession forged = new WebSession(port);
        forged.get("/login");
        HttpResponse<String> withoutToken =
                forged.postWithoutToken("/login", Map.of("username", "admin", "password", Http.ADMIN_PASSWORD));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(forged.sessionId()).isNull();

        WebSession admin = new WebSession(port);
        assertThat(admin.get("/admin/channels").statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = admin.login("admin", Http.ADMIN_PASSWORD);
        assertThat(WebSession.location(signedIn)).endsWith("/admin/channels");
        assertThat(admin.sessionId()).isNotNull();
        assertThat(admin.get("/admin/channels").statusCode()).isEqualTo(200);
    }

    @Test
    void anAbortedOversizedFormLogsOneLineAndNoStackTrace(CapturedOutput output) throws Exception {
        abortAfterSending("Content-Length: 300000", "username=admin&password=" + "p".repeat(70_000));
        abortAfterSending("Content-Length: 1000", "username=admin&pass");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> output.getAll().contains("a body of 300000 bytes")
                        && output.getAll().contains("Client went away during POST /login"));
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain("InvalidParameterException");
    }

    static final int SLOW_CLIENTS = 1_000;

    @Test
    void aThousandClientsTricklingLoginBodiesLeaveTheBoardAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        AtomicBoolean trickling = new AtomicBoolean(true);
        Thread trickle = new Thread(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (trickling.get() && System.nanoTime() < until) {
                for (Socket socket : List.copyOf(slow)) {
                    try {
                        socket.getOutputStream().write('x');
                    } catch (IOException closedByServer) {
                        // expected once the deadline passed
                    }
                }
                try {
                    Thread.sleep(500); // the attack's pace, not a wait for the server
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpClient reader = HttpClient.newHttpClient();
        try {
            byte[] start = ("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
                            + "username=admin&password=")
                    .getBytes(StandardCharsets.US_ASCII);
            long opened = System.nanoTime();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(start);
                synchronized (slow) {
                    slow.add(socket);
                }
            }
            trickle.start();
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                long before = System.nanoTime();
                HttpResponse<String> board = reader.send(
                        HttpRequest.newBuilder(URI.create(http.base() + "/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(board.statusCode()).isEqualTo(200);
                worst = Math.max(worst, System.nanoTime() - before);
            }
            System.out.printf(
                    "SLOW BODIES %d trickling POST /login: 20 GET / answered, slowest in %d ms%n",
                    SLOW_CLIENTS, Duration.ofNanos(worst).toMillis());

            // the server closes every slow connection at its deadline (10 s), whatever still trickles in
            long deadline = opened + Duration.ofSeconds(25).toNanos();
            int closed = 0;
            for (Socket socket : slow) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                try {
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    if (answer.isEmpty() || answer.startsWith("HTTP/1.1 408")) {
                        closed++;
                    }
                } catch (SocketException reset) {
                    closed++;
                } catch (SocketTimeoutException stillOpen) {
                    break;
                }
            }
            assertThat(closed).isEqualTo(SLOW_CLIENTS);
            System.out.printf(
                    "SLOW BODIES all %d closed by the server %d ms after they opened%n",
                    closed, Duration.ofNanos(System.nanoTime() - opened).toMillis());
        } finally {
            trickling.set(false);
            trickle.interrupt();
            trickle.join(5_000);
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private void abortAfterSending(String length, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n" + length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SocketException refusedMidway) {
            // the server may refuse before the whole of it was sent: that is the point
        }
    }

    @Test
    void oversizedBodiesAreRefusedAndChangeNothing() {
        String before = http.get("/").body();
        String huge = "x".repeat(200_000);
        HttpResponse<String> json = http.adminJson("POST", "/api/admin/notices", """
                {"title": "big", "kind": "fault", "message": "%s", "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(huge));
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(Http.json(json).get("detail").asString()).contains("64 KB");

        HttpResponse<String> longField = http.adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "fault", "message": "m", "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""".formatted("t".repeat(5_000)));
        assertThat(longField.statusCode()).isEqualTo(400);

        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        HttpResponse<String> form = admin.post(
                "/admin/notices/new",
                "/admin/channels/fenfu-online/state",
                Map.of("state", "unavailable", "reason", "r".repeat(100_000)));
        assertThat(form.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(http.get("/").body()).isEqualTo(before);
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(2)>";
    static final String SVG = "<svg onload=alert(3)>";
    static final List<String> LIVE_MARKUP = List.of(
            "<script>alert", "<img src=x", "<svg onload", "<iframe src=", "href=\"javascript:", "onerror=alert(2)>");

    @Test
    void scriptAndMarkupInEveryTextFieldReachEveryOutputInert() {
        assertThat(http.adminJson("PUT", "/api/admin/channels/xss-pay", """
                        {"nameZh": "%s", "nameEn": "%s", "descriptionZh": "%s", "descriptionEn": "%s",
                         "groupZh": "<b>组</b>%s", "groupEn": "<i>g</i>", "displayOrder": 99, "alternatives": ["bank-card"]}""".formatted(
                                        SCRIPT, IMG.replace("\"", "\\\""), SVG, SCRIPT, SVG))
                        .statusCode())
                .isEqualTo(201);
        JsonNode notice = Http.json(
                http.adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "fault",
                 "message": "%s %s [click](javascript:alert(4)) <iframe src=//evil.example></iframe>",
                 "channels": {"xss-pay": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(SCRIPT, IMG.replace("\"", "\\\""), SVG)));
        long id = notice.get("id").asLong();
        assertThat(notice.get("title").asString()).isEqualTo(SCRIPT);
        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "identified", "message": "%s", "estimatedRecoveryAt": null}""".formatted(SCRIPT));
        http.adminJson("PUT", "/api/admin/channels/xss-pay/state", """
                {"state": "degraded", "reason": "<iframe src=//evil.example></iframe>%s"}""".formatted(SVG));
        http.adminJson("POST", "/api/admin/maintenances", """
                {"title": "%s", "message": "%s", "channels": ["xss-pay"],
                 "startsAt": "2027-01-01T00:00:00Z", "endsAt": "2027-01-01T02:00:00Z"}""".formatted(SCRIPT, SVG));

        List<String> outputs = List.of(
                "/",
                "/?lang=en",
                "/channels/xss-pay",
                "/channels/xss-pay?lang=en",
                "/notices/" + id,
                "/notices/" + id + "?lang=en",
                "/history",
                "/history.atom",
                "/history.rss",
                "/channels/xss-pay.atom",
                "/badge/xss-pay.svg",
                "/badge.svg",
                "/widget");
        for (String path : outputs) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            for (String live : LIVE_MARKUP) {
                assertThat(response.body())
                        .as(path + " must not contain " + live)
                        .doesNotContain(live);
            }
        }
        // the support reply is plain text in a textarea or input: escaped like everything else
        assertThat(http.get("/channels/xss-pay").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        for (String path :
                List.of("/admin", "/admin/notices/" + id, "/admin/channels", "/admin/maintenances", "/admin/audit")) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            for (String live : LIVE_MARKUP) {
                assertThat(page.body()).as(path + " must not contain " + live).doesNotContain(live);
            }
        }

        // JSON carries the text exactly, as data, never as markup a browser would sniff
        for (String path : List.of("/api/v2/summary.json", "/api/v2/incidents.json", "/api/admin/notices/" + id)) {
            HttpResponse<String> response =
                    path.startsWith("/api/admin") ? http.adminJson("GET", path, "") : http.get(path);
            assertThat(header(response, "Content-Type")).as(path).startsWith("application/json");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(Http.json(http.get("/api/v2/incidents.json")).findValuesAsString("name"))
                .contains(SCRIPT);
    }
}
