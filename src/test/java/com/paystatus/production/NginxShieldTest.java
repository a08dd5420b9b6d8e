package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.paystatus.support.EmbeddedPostgres;
import com.paystatus.support.Http;
import com.paystatus.support.Instances;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Debian's nginx, with the committed {@code src/deploy/nginx.conf} (only its addresses and cache
 * directory replaced), in front of two instances on one PostgreSQL. The board is cached as its
 * Cache-Control allows, signed-in and admin requests are not, and with both instances stopped the
 * board is still served from nginx's copy. CI installs nginx and sets {@code
 * paystatus.nginx-tests=required}, so a missing nginx fails there; elsewhere the test is skipped.
 */
class NginxShieldTest {

    private static final Path COMMITTED_CONFIG = Path.of("src/deploy/nginx.conf");
    /** What nginx reports for an answer from its copy (STALE also while it refreshes it in the background). */
    private static final String[] FROM_CACHE = {"HIT", "UPDATING", "STALE", "REVALIDATED"};

    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    @TempDir
    Path dir;

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Process nginx;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: fast shutdown
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
        }
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {b, a}) {
            if (app != null && app.isActive()) {
                app.close();
            }
        }
    }

    @Test
    void theBoardIsServedFromNginxsCopyWithBothInstancesDown() throws Exception {
        Path executable = nginx();
        String url = EmbeddedPostgres.url("nginxshield");
        a = start(url); // A first: it creates the schema and the demo channels
        b = start(url);
        int port = startNginx(executable, port(a), port(b));
        Http through = new Http(port);

        HttpResponse<String> first = through.get("/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(first)).isEqualTo("MISS");
        assertThat(first.body()).contains("分付 · 线上购物");
        HttpResponse<String> second = through.get("/");
        assertThat(cacheStatus(second)).isIn(FROM_CACHE);
        assertThat(second.body()).isEqualTo(first.body());

        // one copy per language PayStatus tells apart, whatever exact header a browser sends
        HttpResponse<String> english = through.get("/", "Accept-Language", "en-US,en;q=0.9");
        assertThat(cacheStatus(english)).isEqualTo("MISS");
        assertThat(english.body()).contains("Fenfu · Online shopping");
        HttpResponse<String> english2 = through.get("/", "Accept-Language", "fr-FR, en-GB;q=0.8, zh;q=0.5");
        assertThat(cacheStatus(english2)).isIn(FROM_CACHE);
        assertThat(english2.body()).isEqualTo(english.body());

        // people signed in, API clients and admin paths go straight through and are not kept
        HttpResponse<String> signedIn = through.get("/", "Cookie", "JSESSIONID=0123456789ABCDEF");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(signedIn)).isEqualTo("BYPASS");
        assertThat(cacheStatus(through.get("/", "Authorization", Http.basic("admin", Http.ADMIN_PASSWORD))))
                .isEqualTo("BYPASS");
        HttpResponse<String> admin = through.adminJson("GET", "/api/admin/channels", "");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("X-Cache-Status")).isEmpty();
        assertThat(through.get("/login").headers().firstValue("X-Cache-Status")).isEmpty();

        String cached = through.get("/").body();
        b.close();
        a.close();

        // max-age=1 and stale-while-revalidate=10 are long past after 15 s: only stale-if-error and
        // proxy_cache_use_stale error can still answer; every answer meanwhile must be the board
        List<String> statuses = new CopyOnWriteArrayList<>();
        await().during(Duration.ofSeconds(15))
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> board = through.get("/");
                    assertThat(board.statusCode()).isEqualTo(200);
                    assertThat(board.body()).isEqualTo(cached);
                    assertThat(cacheStatus(board)).isIn("HIT", "UPDATING", "STALE");
                    statuses.add(cacheStatus(board));
                    return true;
                });
        HttpResponse<String> last = through.get("/");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(last)).isEqualTo("STALE");
        assertThat(last.body()).isEqualTo(cached);
        System.out.printf(
                "NGINX both instances down for 15 s: / answered 200 from nginx's copy %d times (%s)%n",
                statuses.size(),
                statuses.stream().collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting())));
        assertThat(through.get("/", "Accept-Language", "en").body()).isEqualTo(english.body());
    }

    private static String cacheStatus(HttpResponse<String> response) {
        return response.headers().firstValue("X-Cache-Status").orElse("(none)");
    }

    private static Path nginx() {
        for (Path candidate : NGINX) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("required".equals(System.getProperty("paystatus.nginx-tests"))) {
            fail("nginx tests are required but nginx is not installed (apt-get install nginx)");
        }
        Assumptions.abort("nginx is not installed (apt-get install nginx)");
        return null;
    }

    /** nginx in the foreground, everything it writes under the test's directory. */
    private int startNginx(Path executable, int upstreamA, int upstreamB) throws IOException {
        int port = freePort();
        String site = Files.readString(COMMITTED_CONFIG, StandardCharsets.UTF_8);
        site = replaceOnce(site, "server app1:8080", "server 127.0.0.1:" + upstreamA);
        site = replaceOnce(site, "server app2:8080", "server 127.0.0.1:" + upstreamB);
        site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + port + ";");
        site = replaceOnce(
                site,
                "/var/cache/nginx/paystatus",
                dir.resolve("cache").toAbsolutePath().toString());
        Files.writeString(dir.resolve("paystatus.conf"), site);
        Files.createDirectories(dir.resolve("temp"));
        String d = dir.toAbsolutePath().toString();
        // as root (CI) the workers would become "nobody" and could not write under the test's directory
        String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                %2$s
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log notice;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    include %1$s/paystatus.conf;
                }
                """.formatted(d, user));
        nginx = new ProcessBuilder(executable.toString(), "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!nginx.isAlive()) {
                        fail("nginx exited: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
                    }
                    return listens(port);
                });
        return port;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The committed file must still have this line: else the test would quietly test something else. */
    private static String replaceOnce(String text, String line, String replacement) {
        int at = text.indexOf(line);
        assertThat(at).as("src/deploy/nginx.conf contains «%s»", line).isNotNegative();
        assertThat(text.indexOf(line, at + 1))
                .as("«%s» appears once in src/deploy/nginx.conf", line)
                .isNegative();
        return text.replace(line, replacement);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static ConfigurableApplicationContext start(String url) {
        return Instances.start(url);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
