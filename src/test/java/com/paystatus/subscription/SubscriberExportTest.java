package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Admins export a subscriber (everything kept about it, the email address in full only here) and delete
 * it; the list shows addresses masked, the audit log records the export masked, a webhook's URL stays
 * masked even in the export (a credential), and nobody else can export. Same configuration as
 * {@link WebhookDeliveryTest}, so it shares its context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-webhook;DB_CLOSE_DELAY=-1",
            "paystatus.notify.allow-private-targets=true",
            "paystatus.notify.poll=200ms"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class SubscriberExportTest extends HttpTestBase {

    static final Receiver RECEIVER = new Receiver();

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    /** A confirmed email subscriber to one channel, as the double opt-in leaves it. */
    private long reader(String address) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "insert into subscriber (type, audience, address, lang, once_only, token, created_at, confirmed_at)"
                        + " values ('email', 'public', ?, 'en', false, ?, ?, ?)",
                address,
                Secrets.token(),
                now,
                now);
        long id = jdbc.queryForObject("select id from subscriber where address = ?", Long.class, address);
        jdbc.update("insert into subscriber_channel (subscriber_id, slug) values (?, 'wechat-pay')", id);
        return id;
    }

    @Test
    void anAdminExportsASubscriberInFullWhileTheListMasksItThenDeletesIt() {
        long id = reader("export.me@example.org");

        String list = http.adminJson("GET", "/api/admin/subscribers", "").body();
        assertThat(list).doesNotContain("export.me@example.org");

        HttpResponse<String> exported = http.adminJson("GET", "/api/admin/subscribers/" + id + "/export", "");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
                .contains("subscriber-" + id + ".json");
        JsonNode json = Http.json(exported);
        assertThat(json.get("address").asString()).isEqualTo("export.me@example.org");
        assertThat(json.get("lang").asString()).isEqualTo("en");
        assertThat(json.get("channels").get(0).asString()).isEqualTo("wechat-pay");
        assertThat(json.get("sent").isArray()).isTrue();
        String audit = jdbc.queryForObject(
                "select details from audit_event where action = 'subscriber.export' and target = ?",
                String.class,
                "subscriber/" + id);
        assertThat(audit).doesNotContain("export.me@example.org").contains("@example.org");

        assertThat(http.get("/api/admin/subscribers/" + id + "/export").statusCode())
                .as("without signing in")
                .isIn(401, 403);

        assertThat(http.adminJson("DELETE", "/api/admin/subscribers/" + id, "").statusCode())
                .isEqualTo(204);
        assertThat(http.adminJson("GET", "/api/admin/subscribers/" + id + "/export", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from subscriber where address = 'export.me@example.org'", Integer.class))
                .isZero();
    }

    @Test
    void aWebhooksUrlStaysMaskedEvenInTheExport() {
        HttpResponse<String> added =
                http.adminJson("POST", "/api/admin/subscribers", """
                {"type": "webhook", "url": "%s", "channels": [], "audience": "public"}""".formatted(RECEIVER.url("/secret-path-123")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long id = Http.json(added).get("subscriber").get("id").asLong();

        String exported = http.adminJson("GET", "/api/admin/subscribers/" + id + "/export", "")
                .body();

        assertThat(exported).doesNotContain("secret-path-123").contains("127.0.0.1");
    }
}
