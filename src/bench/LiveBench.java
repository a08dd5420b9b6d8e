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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated open pages for src/bench/live.sh: PAGES connections to /api/live (each from its own /24,
 * as X-Forwarded-For from the trusted loopback proxy), held by one NIO thread as a browser's
 * EventSource holds its stream. CHANGES times an operator changes a channel through the admin API;
 * for each, every page records when its stream said the new revision and when it had fetched the page
 * at that revision (GET /?r=N after a random 0-1 s, again after 250-500 ms while a cache still hands
 * out the previous one, as js/live.js does). Prints p50/p95/max of both delays, counted from just before the admin request.
 *
 *   java src/bench/LiveBench.java PORT PAGES CHANGES ADMIN_PASSWORD
 */
public class LiveBench {

    static final Pattern REVISION = Pattern.compile("data-revision=\"([0-9]+)\"");

    static String host;
    static int port;
    static volatile long target = Long.MAX_VALUE; // the revision pages wait for
    static volatile long changeStartNanos;
    static final ConcurrentLinkedQueue<Long> eventDelays = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> pageDelays = new ConcurrentLinkedQueue<>();
    static final AtomicInteger open = new AtomicInteger();
    static final AtomicInteger failed = new AtomicInteger();
    static final AtomicInteger pageErrors = new AtomicInteger();
    static final AtomicLong pageRetries = new AtomicLong();
    static HttpClient http;
    static final java.util.concurrent.ScheduledExecutorService DELAYS =
            java.util.concurrent.Executors.newScheduledThreadPool(2);
    static Semaphore inFlight = new Semaphore(Integer.getInteger("fetchers", 256));

    /** One simulated page: its connection, a chunked-body decoder and an SSE line reader. */
    static final class Page {
        final int index;
        final SocketChannel channel;
        final StringBuilder head = new StringBuilder();
        final StringBuilder line = new StringBuilder();
        boolean inBody;
        long chunkLeft = -1; // -1: reading a chunk-size line
        final StringBuilder sizeLine = new StringBuilder();
        boolean skipCrlf;
        long seenFor = -1; // the target this page already recorded

        Page(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }

        void bytes(ByteBuffer buffer) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (!inBody) {
                    head.append((char) b);
                    int n = head.length();
                    if (n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n'
                            && head.charAt(n - 2) == '\r' && head.charAt(n - 1) == '\n') {
                        inBody = true;
                        if (!head.toString().startsWith("HTTP/1.1 200")) {
                            failed.incrementAndGet();
                            System.err.println("page " + index + ": " + head.toString().lines().findFirst().orElse(""));
                        } else {
                            open.incrementAndGet();
                        }
                    }
                    continue;
                }
                if (chunkLeft < 0) {
                    if (b == '\n') {
                        String size = sizeLine.toString().trim();
                        sizeLine.setLength(0);
                        if (size.isEmpty()) {
                            continue; // the CRLF after a chunk's data
                        }
                        chunkLeft = Long.parseLong(size.split(";")[0], 16);
                    } else {
                        sizeLine.append((char) b);
                    }
                    continue;
                }
                chunkLeft--;
                if (chunkLeft == 0) {
                    chunkLeft = -1;
                }
                if (b == '\n') {
                    String text = line.toString();
                    line.setLength(0);
                    if (text.startsWith("data:")) {
                        event(Long.parseLong(text.substring(5).trim()));
                    }
                } else if (b != '\r') {
                    line.append((char) b);
                }
            }
        }

        void event(long revision) {
            long wanted = target;
            if (revision >= wanted && seenFor != wanted) {
                seenFor = wanted;
                long start = changeStartNanos;
                eventDelays.add(System.nanoTime() - start);
                // as js/live.js does: each page waits 0-1 s before fetching itself, so that the herd is spread
                DELAYS.schedule(() -> fetch(wanted, start, 0), (long) (Math.random() * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }

    static void fetch(long revision, long start, int attempt) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/?r=" + revision))
                .header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.release();
            long seen = -1;
            if (error == null && response.statusCode() == 200) {
                Matcher m = REVISION.matcher(response.body());
                if (m.find()) {
                    seen = Long.parseLong(m.group(1));
                }
            } else {
                pageErrors.incrementAndGet();
            }
            if (seen >= revision) {
                pageDelays.add(System.nanoTime() - start);
            } else if (attempt < 40) {
                pageRetries.incrementAndGet();
                try {
                    Thread.sleep(250 + (long) (Math.random() * 250));
                } catch (InterruptedException e) {
                    return;
                }
                fetch(revision, start, attempt + 1);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        host = "127.0.0.1";
        port = Integer.parseInt(args[0]);
        int pages = Integer.parseInt(args[1]);
        int changes = Integer.parseInt(args[2]);
        String password = args[3];
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        Selector selector = Selector.open();
        ConcurrentLinkedQueue<Page> toRegister = new ConcurrentLinkedQueue<>();
        Thread loop = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
            try {
                while (true) {
                    selector.select(100);
                    Page p;
                    while ((p = toRegister.poll()) != null) {
                        p.channel.register(selector, SelectionKey.OP_CONNECT, p);
                    }
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Page page = (Page) key.attachment();
                        try {
                            if (key.isConnectable()) {
                                page.channel.finishConnect();
                                int i = page.index;
                                String request = "GET /api/live HTTP/1.1\r\nHost: " + host + ":" + port
                                        + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n"
                                        + "X-Forwarded-For: 10." + (i / 256 % 256) + "." + (i % 256) + ".1\r\n\r\n";
                                page.channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isReadable()) {
                                buffer.clear();
                                int n = page.channel.read(buffer);
                                if (n < 0) {
                                    key.cancel();
                                    page.channel.close();
                                    open.decrementAndGet();
                                    System.err.println("page " + page.index + ": stream closed by the server");
                                    continue;
                                }
                                buffer.flip();
                                page.bytes(buffer);
                            }
                        } catch (IOException | RuntimeException e) {
                            key.cancel();
                            failed.incrementAndGet();
                            try {
                                page.channel.close();
                            } catch (IOException ignored) {
                                // closing anyway
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "pages");
        loop.setDaemon(true);
        loop.start();

        long openStart = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(new InetSocketAddress(host, port));
            toRegister.add(new Page(i, channel));
            selector.wakeup();
            if (i % 200 == 199) {
                // a few hundred at a time: Tomcat's accept queue is 100 long
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (open.get() + failed.get() < i - 200 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (open.get() + failed.get() < pages && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("OPEN %d streams open, %d failed, in %.1f s%n",
                open.get(), failed.get(), (System.nanoTime() - openStart) / 1e9);
        System.out.println("READY"); // live.sh measures the idle cost now
        waitForLine();

        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        List<Long> allEvents = new ArrayList<>();
        List<Long> allPages = new ArrayList<>();
        for (int c = 0; c < changes; c++) {
            long before = revision();
            eventDelays.clear();
            pageDelays.clear();
            target = before + 1;
            changeStartNanos = System.nanoTime();
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
            while (pageDelays.size() < open.get() && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            List<Long> events = new ArrayList<>(eventDelays);
            List<Long> seen = new ArrayList<>(pageDelays);
            System.out.printf("CHANGE %d (to revision %d, %s): stream %s; page %s%n",
                    c + 1, target, state, stats(events, open.get()), stats(seen, open.get()));
            allEvents.addAll(events);
            allPages.addAll(seen);
            target = Long.MAX_VALUE;
            Thread.sleep(5000); // let the herd settle before the next change
        }
        System.out.printf("ALL %d changes x %d pages: stream %s; page %s; page fetch retries %d, errors %d%n",
                changes, open.get(), stats(allEvents, changes * open.get()), stats(allPages, changes * open.get()),
                pageRetries.get(), pageErrors.get());
        System.out.println("DONE");
        waitForLine();
    }

    static long revision() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/revision")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("([0-9]+)").matcher(r.body());
        m.find();
        return Long.parseLong(m.group(1));
    }

    static String stats(List<Long> nanos, int expected) {
        if (nanos.isEmpty()) {
            return "none of " + expected;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%d/%d seen, p50 %d ms, p95 %d ms, max %d ms",
                sorted.size(), expected,
                sorted.get(sorted.size() / 2) / 1_000_000,
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)) / 1_000_000,
                sorted.get(sorted.size() - 1) / 1_000_000);
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
