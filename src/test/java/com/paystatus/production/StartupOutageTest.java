package com.paystatus.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystatus.PayStatusApplication;
import com.paystatus.support.Http;
import com.paystatus.support.TestClockConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops just after the instance has opened its port, before its start-up work (first
 * admin, demo data, first snapshot) is done. The instance must not exit: it serves the board, says it
 * is not ready, and once PostgreSQL is back finishes the work and becomes ready.
 */
class StartupOutageTest {

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;

    private ConfigurableApplicationContext app;

    /** Stops PostgreSQL once the port is open, before anything else runs after start-up. */
    @Configuration(proxyBeanMethods = false)
    static class DatabaseGoesAwayOnceServing {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner stopDatabase() {
            return args -> {
                try {
                    database.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    /** The same server each time: same data directory (kept when it stops), same port. */
    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void anInstanceWhoseDatabaseStopsAsItStartsKeepsServingAndFinishesItsStartUpLater() throws Exception {
        dataDirectory = Files.createTempDirectory("paystatus-startup-outage");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        database = startDatabase();

        // on the main thread, as java -jar would; it must come back with a running application
        app = new SpringApplicationBuilder(
                        PayStatusApplication.class, TestClockConfig.class, DatabaseGoesAwayOnceServing.class)
                .run(
                        "--spring.profiles.active=test,postgres",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--paystatus.startup.retry-delay=200ms",
                        "--paystatus.startup.retry-max-delay=1s");
        assertThat(app.isRunning()).isTrue();
        Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = http.get("/actuator/health/readiness");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("OUT_OF_SERVICE");

        database = startDatabase();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        System.out.printf(
                "STARTUP-OUTAGE ready %d ms after PostgreSQL came back%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());

        assertThat(app.isRunning()).isTrue();
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"UP\"");
        // the start-up work is complete: the first admin exists, every demo channel is on the board
        HttpResponse<String> channels = http.adminJson("GET", "/api/admin/channels", "");
        assertThat(channels.statusCode()).isEqualTo(200);
        assertThat(Http.json(channels)).hasSize(7);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/").body().contains("分付 · 线上购物"));
        assertThat(http.get("/").body()).contains("银行卡").contains("支付宝");
    }
}
