package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.status.StatusSnapshots;
import com.paystatus.support.Http;
import com.paystatus.support.TestClockConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops in the middle of the day and comes back: the public side keeps answering from the
 * last snapshot and says since when, admin writes are refused with a clear 503 and leave nothing
 * behind, and everything recovers without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@Import(TestClockConfig.class)
@DirtiesContext
class DatabaseOutageTest {

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;

    @LocalServerPort
    int port;

    @Autowired
    StatusSnapshots snapshots;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("paystatus-outage");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        database = start();
        registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The same server each time: same data directory (kept when it stops), same port. */
    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (database != null) {
            database.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
    }

    private static String notice(String title) {
        return """
                {"title": "%s", "kind": "fault", "message": "排查中", "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(title);
    }

    @Test
    void publicPagesOutliveTheDatabaseAndEverythingComesBack() throws Exception {
        Http http = new Http(port);
        assertThat(http.adminJson("POST", "/api/admin/notices", notice("数据库停机前的公告"))
                        .statusCode())
                .isEqualTo(201);
        String bearer = "Bearer "
                + Http.json(http.adminJson("POST", "/api/admin/tokens", """
                                {"name": "outage-monitor", "role": "operator"}"""))
                        .get("secret")
                        .asString();
        assertThat(withToken(http, bearer, "GET", "/api/admin/channels", "").statusCode())
                .isEqualTo(200);

        database.close();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !snapshots.freshness().current());

        long downSince = System.nanoTime();
        int answered = 0;
        while (System.nanoTime() - downSince < Duration.ofSeconds(5).toNanos()) {
            HttpResponse<String> board = http.get("/");
            assertThat(board.statusCode()).isEqualTo(200);
            assertThat(board.body()).contains("数据库停机前的公告").contains("暂时无法连接数据库");
            assertThat(http.get("/channels/fenfu-online").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v2/summary.json").statusCode()).isEqualTo(200);
            answered += 3;
        }
        assertThat(answered).isGreaterThan(3);

        HttpResponse<String> refused = http.adminJson("POST", "/api/admin/notices", notice("停机时的公告"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("数据库暂时无法连接");
        for (HttpResponse<String> withToken : List.of(
                withToken(http, bearer, "GET", "/api/admin/channels", ""),
                withToken(http, bearer, "POST", "/api/admin/notices", notice("停机时用令牌发的公告")))) {
            assertThat(withToken.statusCode())
                    .as(withToken.request().method() + " with a token")
                    .isEqualTo(503);
            assertThat(withToken.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(withToken.headers().firstValue("Retry-After")).isPresent();
            assertThat(withToken.body()).contains("数据库暂时无法连接");
        }
        System.out.printf("OUTAGE public requests answered 200 while the database was down: %d in 5 s%n", answered);

        database = start();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.freshness().current());
        System.out.printf(
                "OUTAGE snapshot current again %d ms after the database came back%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.adminJson("POST", "/api/admin/notices", notice("恢复后的公告"))
                                .statusCode()
                        == 201);

        String board = http.get("/").body();
        assertThat(board)
                .contains("恢复后的公告")
                .doesNotContain("停机时的公告")
                .doesNotContain("停机时用令牌发的公告")
                .doesNotContain("暂时无法连接数据库");
        assertThat(withToken(http, bearer, "GET", "/api/admin/channels", "").statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> withToken(
            Http http, String authorization, String method, String path, String json) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }
}
