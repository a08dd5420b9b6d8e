package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.PayStatusApplication;
import com.paystatus.support.Http;
import com.paystatus.support.TestClock;
import com.paystatus.support.TestClockConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Reports taken by an instance that is then stopped are counted by the next one on the same
 * database: a stop flushes what was held in memory, and the new instance reads it back.
 */
class ReportRestartTest {

    private static final String DB = "jdbc:h2:mem:report-restart;DB_CLOSE_DELAY=-1";

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PayStatusApplication.class, TestClockConfig.class)
                .run("--spring.profiles.active=test", "--spring.datasource.url=" + DB, "--server.port=0");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static long reports15m(Http http, String slug) {
        for (JsonNode c : Http.json(http.get("/api/v2/components.json")).get("components")) {
            if (c.get("id").asString().equals(slug)) {
                return c.get("paystatus").get("reports_15m").asLong();
            }
        }
        throw new AssertionError(slug);
    }

    @Test
    void countsSurviveARestart() {
        ConfigurableApplicationContext first = start();
        Http http = http(first);
        for (int i = 0; i < 3; i++) {
            var answer = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/channels/alipay/reports"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"symptom\": \"payment_failed\"}", StandardCharsets.UTF_8)));
            assertThat(answer.statusCode()).isEqualTo(202);
        }
        first.close(); // nothing was flushed before: the stop flushes the 3 reports

        ConfigurableApplicationContext second = start();
        try {
            second.getBean(TestClock.class).advance(Duration.ofMinutes(1));
            second.getBean(ReportJobs.class).flushAndRefresh();
            assertThat(reports15m(http(second), "alipay")).isEqualTo(3);
        } finally {
            second.close();
        }
    }
}
