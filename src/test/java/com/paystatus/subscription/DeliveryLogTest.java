package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import com.paystatus.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The delivery log of a notice, in the admin API and on the notice's admin page. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-log;DB_CLOSE_DELAY=-1",
            "paystatus.notify.allow-private-targets=true",
            "paystatus.notify.poll=200ms"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class DeliveryLogTest extends HttpTestBase {

    static final Receiver RECEIVER = new Receiver();

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void operatorsSeeWhomANoticeReachedAndHowLongItTook() {
        for (String path : new String[] {"/a", "/b", "/c"}) {
            HttpResponse<String> added =
                    http.adminJson("POST", "/api/admin/subscribers", """
                    {"type": "webhook", "url": "%s", "channels": ["fenfu-online"]}""".formatted(RECEIVER.url(path)));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        RECEIVER.answers.add(500); // the first notice webhook fails once
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "Logged", "kind": "fault", "message": "Looking into it.",
                 "channels": {"fenfu-online": "unavailable"}, "estimatedRecoveryAt": null}""");
        long id = Http.json(posted).get("id").asLong();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode log = Http.json(http.adminJson("GET", "/api/admin/notices/" + id + "/deliveries", ""));
            return log.size() == 1
                    && log.get(0).get("delivered").asLong() == 2
                    && log.get(0).get("pending").asLong() == 1;
        });
        JsonNode entry = Http.json(http.adminJson("GET", "/api/admin/notices/" + id + "/deliveries", ""))
                .get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("notice.posted");
        assertThat(entry.get("targeted").asLong()).isEqualTo(3);
        assertThat(entry.get("failed").asLong()).isZero();

        WebSession admin = new WebSession(port);
        admin.login("admin", Http.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/notices/" + id + "?lang=en");
        assertThat(page.body()).contains("Subscribers told").contains("Publication to last delivery");
    }
}
