package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an open page listens to, over HTTP: {@code /api/revision} is a few bytes that the page cache
 * answers with a 304 while nothing moved, and {@code /api/live} is a stream that says the revision
 * at once and again within moments of an operator's change. Neither sets a cookie, so both are the
 * same answer for everyone.
 */
@FullAppTest
class LiveEndpointsTest extends HttpTestBase {

    private static final AtomicInteger CHANNELS = new AtomicInteger();

    @Autowired
    LiveStream live;

    @Test
    void theRevisionIsAFewCachedBytesAnswered304UntilAChangeMovesIt() {
        HttpResponse<String> first = http.get("/api/revision");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(first.body()).matches("\\{\"revision\":[0-9]+}");
        assertThat(first.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("public").contains("max-age=1"));
        assertThat(first.headers().map()).doesNotContainKey("set-cookie");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.get("/api/revision", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().map()).doesNotContainKey("set-cookie");

        long before = Http.json(first).get("revision").asLong();
        String slug = newChannel();
        HttpResponse<String> moved = http.get("/api/revision", "If-None-Match", etag);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(Http.json(moved).get("revision").asLong()).isGreaterThan(before);
        assertThat(moved.headers().firstValue("ETag")).isNotEqualTo(etag);
        setState(slug, "available");
    }

    @Test
    void aCheckOfTheRevisionLeavesNoConnectionHeldWhileAPageKeepsItsForItsAssets() throws Exception {
        // two requests sent at once on one connection, as a client keeping it alive may
        assertThat(answersOnOneConnection("/api/revision"))
                .hasSize(1)
                .allSatisfy(answer -> assertThat(answer).containsIgnoringCase("Connection: close"));
        setState(newChannel(), "available"); // a new revision: its first answer is rendered, not kept bytes
        assertThat(answersOnOneConnection("/api/revision")).hasSize(1);
        assertThat(answersOnOneConnection("/favicon.ico")).hasSize(2);
        assertThat(answersOnOneConnection("/")).hasSize(2);
    }

    /** The answers to two GETs of {@code path} sent together on one connection, until the server closes it. */
    private List<String> answersOnOneConnection(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String get = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            socket.getOutputStream().write((get + get).getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Arrays.stream(all.split("(?=HTTP/1\\.1 200)"))
                    .filter(a -> a.startsWith("HTTP/1.1 200"))
                    .toList();
        }
    }

    @Test
    void theStreamSaysTheRevisionAtOnceAndAgainWhenAnOperatorChangesAChannel() throws Exception {
        String slug = newChannel();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/live"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(stream.headers().map()).doesNotContainKey("set-cookie");
            BlockingQueue<String> data = readData(stream.body());

            String opened = data.poll(10, TimeUnit.SECONDS);
            long revision = Http.json(http.get("/api/revision")).get("revision").asLong();
            assertThat(opened).isEqualTo(Long.toString(revision));

            long changedAt = System.nanoTime();
            setState(slug, "maintenance");
            // a revision it was already told may come again (a stream opened as it moved); pages skip those
            String next;
            do {
                next = data.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("an event within 10 s").isNotNull();
            } while (Long.parseLong(next) <= revision);
            assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(3));
        } finally {
            stream.body().close();
            setState(slug, "available");
        }
    }

    @Test
    void theRevisionIsWatchedOnlyWhileAStreamIsOpenAndTheFirstStreamMissesNoChange() throws Exception {
        // streams other tests closed are noticed gone by the next heartbeat (paystatus.live.heartbeat)
        await().atMost(Duration.ofSeconds(90)).until(() -> live.openStreams() == 0);
        assertThat(live.watching()).isFalse();

        String slug = newChannel();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + "/api/live"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try {
            BlockingQueue<String> data = readData(stream.body());
            long revision = Long.parseLong(data.poll(10, TimeUnit.SECONDS));
            assertThat(live.watching()).isTrue();

            setState(slug, "maintenance");
            String next;
            do {
                next = data.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("the change within 10 s").isNotNull();
            } while (Long.parseLong(next) <= revision);
        } finally {
            stream.body().close();
            setState(slug, "available");
        }
        // the next heartbeat finds the reader gone, and with the last stream the watching stops
        await().atMost(Duration.ofSeconds(90)).until(() -> !live.watching());
        assertThat(live.openStreams()).isZero();
    }

    @Test
    void theStreamTakesNoPostAndNoSession() {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/live"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(posted.statusCode()).isIn(403, 405);
        assertThat(posted.headers().map()).doesNotContainKey("set-cookie");
    }

    /** The {@code data:} lines of the stream, as they arrive. */
    private static BlockingQueue<String> readData(InputStream body) {
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring("data:".length()));
                    }
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return data;
    }

    private String newChannel() {
        String slug = "live-" + CHANNELS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = http.adminJson("PUT", "/api/admin/channels/" + slug, """
                {"nameZh": "实时测试", "nameEn": "Live test", "groupZh": "其他支付方式", "groupEn": "Other ways to pay",
                 "displayOrder": 90, "alternatives": []}""");
        assertThat(created.statusCode()).isEqualTo(201);
        return slug;
    }

    private void setState(String slug, String state) {
        HttpResponse<String> set =
                http.adminJson("PUT", "/api/admin/channels/" + slug + "/state", """
                {"state": "%s", "reason": "实时更新测试"}""".formatted(state));
        assertThat(set.statusCode()).isEqualTo(200);
    }
}
