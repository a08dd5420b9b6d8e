import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Simulated open pages for src/bench/live.sh, doing what js/live.js does: each page asks
 * /api/revision every POLL seconds times 0.75-1.25 (jitter) with If-None-Match, over its connection
 * if the server kept it open and over a new one otherwise, as a browser does; when the answer names a
 * revision past the one the page was rendered at, it fetches itself (GET /?r=N) at once, and again
 * after 250-500 ms while a cache still hands out the previous revision. All pages run on one NIO
 * thread, each from its own /24 (X-Forwarded-For from the trusted loopback proxy).
 *
 * <p>CHANGES times an operator changes a channel through the admin API; for each, every page records
 * when its poll heard the new revision and when it had fetched the page at it (what the user sees),
 * counted from just before the admin request. Prints p50/p95/max of both over all pages (one that
 * did not see it within 30 s counts as slower than any that did).
 *
 *   java src/bench/LiveBench.java PORT PAGES CHANGES ADMIN_PASSWORD [POLL_SECONDS]
 */
public class LiveBench {

    static final Pattern REVISION = Pattern.compile("data-revision=\"([0-9]+)\"");
    static final Pattern JSON_REVISION = Pattern.compile("\"revision\"\\s*:\\s*([0-9]+)");

    static String host;
    static int port;
    static int appPort;
    static double pollSeconds;
    static volatile long target = Long.MAX_VALUE; // the revision pages wait for
    static volatile long changeStartNanos;
    static final ConcurrentLinkedQueue<Long> heardDelays = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> pageDelays = new ConcurrentLinkedQueue<>();
    static final AtomicLong polls = new AtomicLong();
    static final AtomicLong notModified = new AtomicLong();
    static final AtomicLong connections = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();
    static final AtomicLong pageFetches = new AtomicLong();
    static final AtomicLong pageRetries = new AtomicLong();
    static volatile String firstError;

    static Selector selector;
    static final PriorityQueue<Page> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));

    /** One simulated open page: its revision, its ETag, its connection (when the server kept one). */
    static final class Page {
        final int index;
        long revision; // the revision the page shows
        long wanted; // the newest revision heard of
        String etag;
        long dueNanos;
        SocketChannel channel;
        SelectionKey key;
        boolean fresh; // the connection was opened for this request (no retry on failure)
        boolean fetchingPage; // the request in flight is the page itself, not /api/revision
        boolean busy;
        int attempt;
        long recordedHeard = -1;
        long recordedPage = -1;
        ByteBuffer out;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();

        Page(int index, long revision) {
            this.index = index;
            this.revision = revision;
        }

        String request() {
            String path = fetchingPage ? "/?r=" + wanted : "/api/revision";
            StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port)
                    .append("\r\nAccept-Encoding: gzip\r\nAccept-Language: zh-CN\r\nX-Forwarded-For: 10.")
                    .append(index / 256 % 256).append('.').append(index % 256).append(".1\r\n");
            if (fetchingPage) {
                r.append("Cache-Control: no-store\r\n");
            } else if (etag != null) {
                r.append("If-None-Match: ").append(etag).append("\r\n");
            }
            return r.append("\r\n").toString();
        }
    }

    /** A parsed response, or null while incomplete. */
    record Response(int status, String etag, boolean close, byte[] body) {}

    static Response parse(byte[] data) throws IOException {
        int end = -1;
        for (int i = 3; i < data.length; i++) {
            if (data[i - 3] == '\r' && data[i - 2] == '\n' && data[i - 1] == '\r' && data[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        String[] lines = new String(data, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        boolean gzip = false;
        boolean close = false;
        String etag = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "content-encoding" -> gzip = value.toLowerCase(Locale.ROOT).contains("gzip");
                case "connection" -> close = value.toLowerCase(Locale.ROOT).contains("close");
                case "etag" -> etag = value;
                default -> {}
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            int at = end;
            while (true) {
                int lineEnd = indexOfCrlf(data, at);
                if (lineEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(
                        new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    if (indexOfCrlf(data, at) < 0) {
                        return null;
                    }
                    break;
                }
                if (data.length < at + size + 2) {
                    return null;
                }
                decoded.write(data, at, size);
                at += size + 2;
            }
            body = decoded.toByteArray();
        } else {
            if (data.length < end + length) {
                return null;
            }
            body = java.util.Arrays.copyOfRange(data, end, (int) (end + length));
        }
        if (gzip && body.length > 0) {
            try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = unzip.readAllBytes();
            }
        }
        return new Response(status, etag, close, body);
    }

    static int indexOfCrlf(byte[] data, int from) {
        for (int i = from + 1; i < data.length; i++) {
            if (data[i - 1] == '\r' && data[i] == '\n') {
                return i - 1;
            }
        }
        return -1;
    }

    static long jitteredPollNanos() {
        return (long) (pollSeconds * 1e9 * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
    }

    static void schedule(Page page, long delayNanos) {
        page.dueNanos = System.nanoTime() + delayNanos;
        due.add(page);
    }

    /** Sends the page's next request, over its kept connection or a new one. */
    static void send(Page page) throws IOException {
        page.busy = true;
        page.in.reset();
        page.out = ByteBuffer.wrap(page.request().getBytes(StandardCharsets.US_ASCII));
        if (page.channel != null && page.channel.isOpen()) {
            page.fresh = false;
            page.key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        page.fresh = true;
        page.channel = SocketChannel.open();
        page.channel.configureBlocking(false);
        connections.incrementAndGet();
        page.channel.connect(new InetSocketAddress(host, port));
        page.key = page.channel.register(selector, SelectionKey.OP_CONNECT, page);
    }

    static void drop(Page page) {
        if (page.key != null) {
            page.key.cancel();
        }
        if (page.channel != null) {
            try {
                page.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        page.channel = null;
        page.key = null;
    }

    /** The request failed: over a kept connection the server may just have closed it, so once more anew. */
    static void failed(Page page, String why) throws IOException {
        boolean retry = !page.fresh && page.busy;
        drop(page);
        if (!page.busy) {
            return; // an idle connection broke: the page's next check, already due, opens another
        }
        if (retry) {
            send(page);
            return;
        }
        page.busy = false;
        errors.incrementAndGet();
        if (firstError == null) {
            firstError = "page " + page.index + ": " + why;
        }
        if (page.fetchingPage) {
            page.attempt++;
            schedule(page, (long) ((1000 + ThreadLocalRandom.current().nextDouble() * 1000) * 1e6));
        } else {
            schedule(page, jitteredPollNanos());
        }
    }

    static void answered(Page page, Response response) throws IOException {
        page.busy = false;
        if (response.close()) {
            drop(page);
        }
        long now = System.nanoTime();
        if (!page.fetchingPage) {
            polls.incrementAndGet();
            if (response.status() == 304) {
                notModified.incrementAndGet();
            } else if (response.status() == 200) {
                page.etag = response.etag();
                Matcher m = JSON_REVISION.matcher(new String(response.body(), StandardCharsets.UTF_8));
                if (m.find()) {
                    long r = Long.parseLong(m.group(1));
                    long wanted = target;
                    if (r >= wanted && page.recordedHeard != wanted) {
                        page.recordedHeard = wanted;
                        heardDelays.add(now - changeStartNanos);
                    }
                    if (r > page.revision && r > page.wanted) {
                        page.wanted = r;
                        page.fetchingPage = true;
                        page.attempt = 0;
                        send(page); // as live.js: refresh(0) at once, the polls' jitter spreads the herd
                        return;
                    }
                }
            } else {
                errors.incrementAndGet();
            }
            schedule(page, jitteredPollNanos());
            return;
        }
        pageFetches.incrementAndGet();
        long seen = -1;
        if (response.status() == 200) {
            Matcher m = REVISION.matcher(new String(response.body(), StandardCharsets.UTF_8));
            if (m.find()) {
                seen = Long.parseLong(m.group(1));
            }
        } else {
            errors.incrementAndGet();
        }
        if (seen < page.wanted && page.attempt < 20) {
            page.attempt++;
            pageRetries.incrementAndGet();
            schedule(page, (long) ((250 + ThreadLocalRandom.current().nextDouble() * 250) * 1e6));
            return;
        }
        page.fetchingPage = false;
        page.revision = Math.max(page.revision, seen);
        long wanted = target;
        if (page.revision >= wanted && page.recordedPage != wanted) {
            page.recordedPage = wanted;
            pageDelays.add(now - changeStartNanos);
        }
        schedule(page, jitteredPollNanos());
    }

    static void loop(List<Page> pages) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        while (true) {
            long now = System.nanoTime();
            Page next;
            while ((next = due.peek()) != null && next.dueNanos <= now) {
                due.poll();
                try {
                    send(next);
                } catch (IOException e) {
                    failed(next, e.toString());
                }
            }
            next = due.peek();
            long waitMs = next == null ? 100 : Math.max(1, (next.dueNanos - System.nanoTime()) / 1_000_000);
            selector.select(Math.min(waitMs, 100));
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Page page = (Page) key.attachment();
                if (!key.isValid()) {
                    continue;
                }
                try {
                    if (key.isConnectable()) {
                        page.channel.finishConnect();
                        key.interestOps(SelectionKey.OP_WRITE);
                    } else if (key.isWritable()) {
                        page.channel.write(page.out);
                        if (!page.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        buffer.clear();
                        int n = page.channel.read(buffer);
                        if (n < 0) {
                            if (page.busy) {
                                failed(page, "closed by the server");
                            } else {
                                drop(page); // the server closed the idle connection: the next poll opens one
                            }
                            continue;
                        }
                        buffer.flip();
                        buffer.get(chunk, 0, n);
                        if (!page.busy) {
                            continue;
                        }
                        page.in.write(chunk, 0, n);
                        Response response = parse(page.in.toByteArray());
                        if (response != null) {
                            answered(page, response);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failed(page, e.toString());
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        host = "127.0.0.1";
        port = Integer.parseInt(args[0]);
        int pageCount = Integer.parseInt(args[1]);
        int changes = Integer.parseInt(args[2]);
        String password = args[3];
        pollSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 2;
        // the app's own port, to read the revision before a change: a cache in front may answer older
        appPort = args.length > 5 ? Integer.parseInt(args[5]) : port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        long rendered = revision(http);
        selector = Selector.open();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            Page page = new Page(i, rendered);
            pages.add(page);
            // pages were opened at different moments: their first checks spread over one interval
            page.dueNanos = System.nanoTime() + (long) (ThreadLocalRandom.current().nextDouble() * pollSeconds * 1e9);
            due.add(page);
        }
        Thread loop = new Thread(
                () -> {
                    try {
                        loop(pages);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                },
                "pages");
        loop.setDaemon(true);
        loop.start();

        Thread.sleep((long) (pollSeconds * 3000)); // every page has checked a few times
        long p0 = polls.get();
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        double rate = (polls.get() - p0) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(
                "OPEN %d pages checking every %.1f s (jittered): %.0f checks/s, %d%% answered 304, %d connections opened, %d errors%n",
                pageCount, pollSeconds, rate, polls.get() == 0 ? 0 : 100 * notModified.get() / polls.get(),
                connections.get(), errors.get());
        System.out.println("READY"); // live.sh measures the idle cost now
        long readyPolls = polls.get();
        long readyNotModified = notModified.get();
        long readyConnections = connections.get();
        long readyErrors = errors.get();
        long readyAt = System.nanoTime();
        waitForLine();
        long idlePolls = polls.get();
        long idleConnections = connections.get();
        double idleSeconds = (System.nanoTime() - readyAt) / 1e9;
        System.out.printf(
                "IDLE while measured (%.0f s): %.0f checks/s, %d%% answered 304, %.0f connections opened/s, %d errors%n",
                idleSeconds, (idlePolls - readyPolls) / idleSeconds,
                idlePolls == readyPolls ? 0 : 100 * (notModified.get() - readyNotModified) / (idlePolls - readyPolls),
                (idleConnections - readyConnections) / idleSeconds, errors.get() - readyErrors);

        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        List<Long> allHeard = new ArrayList<>();
        List<Long> allPages = new ArrayList<>();
        for (int c = 0; c < changes; c++) {
            long before = revision(http);
            heardDelays.clear();
            pageDelays.clear();
            changeStartNanos = System.nanoTime();
            target = before + 1;
            String state = c % 2 == 0 ? "degraded" : "available";
            HttpResponse<String> set = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/admin/channels/alipay/state"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"state\": \"" + state + "\", \"reason\": \"live benchmark\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (set.statusCode() != 200) {
                throw new IllegalStateException("admin change answered " + set.statusCode() + ": " + set.body());
            }
            long waitUntil = System.nanoTime() + 30_000_000_000L;
            while (pageDelays.size() < pageCount && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            List<Long> heard = new ArrayList<>(heardDelays);
            List<Long> seen = new ArrayList<>(pageDelays);
            System.out.printf("CHANGE %d (to revision %d, %s): heard %s; page shown %s%n",
                    c + 1, target, state, stats(heard, pageCount), stats(seen, pageCount));
            allHeard.addAll(heard);
            allPages.addAll(seen);
            target = Long.MAX_VALUE;
            Thread.sleep(5000); // let the herd settle before the next change
        }
        System.out.printf(
                "ALL %d changes x %d pages: heard %s; page shown %s; page fetches %d, retries %d, errors %d%s%n",
                changes, pageCount, stats(allHeard, changes * pageCount), stats(allPages, changes * pageCount),
                pageFetches.get(), pageRetries.get(), errors.get(), firstError == null ? "" : " (first: " + firstError + ")");
        System.out.printf("DURING the changes: %d checks, %d connections opened%n",
                polls.get() - idlePolls, connections.get() - idleConnections);
        System.out.println("DONE");
        waitForLine();
    }

    static long revision(HttpClient http) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + appPort + "/api/revision")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = JSON_REVISION.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("/api/revision answered " + r.statusCode() + ": " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** Percentiles over all pages that should have seen it: a page that never did counts as slowest. */
    static String stats(List<Long> nanos, int expected) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%d/%d, p50 %s, p95 %s, max %s",
                sorted.size(), expected, rank(sorted, expected, 0.5), rank(sorted, expected, 0.95),
                rank(sorted, expected, 1.0));
    }

    static String rank(List<Long> sorted, int expected, double share) {
        int index = (int) Math.max(0, Math.ceil(expected * share) - 1);
        return index < sorted.size() ? sorted.get(index) / 1_000_000 + " ms" : "not within 30 s";
    }

    /** Waits for the script to say go on (a line on stdin), so that it can measure in between. */
    static void waitForLine() throws IOException {
        while (true) {
            int c = System.in.read();
            if (c < 0 || c == '\n') {
                return;
            }
        }
    }
}
