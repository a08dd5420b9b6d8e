package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscription doors as an attacker would use them: every new field with wrong values and
 * types, header injection in the address, made-up tokens. Each is a 400 (or 404 for a link that does
 * not exist) naming the field, saves nothing, and leaves every public answer up.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-boundaries;DB_CLOSE_DELAY=-1",
            "spring.mail.host=127.0.0.1",
            "paystatus.notify.subscriptions-per-hour=100000"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class SubscriptionInputBoundariesTest extends HttpTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    JdbcTemplate jdbc;

    String token;

    @BeforeEach
    void signIn() {
        token = Attack.token(http, port);
    }

    String stored() {
        return jdbc.queryForList("select * from subscriber").toString()
                + jdbc.queryForList("select * from subscriber_channel")
                + jdbc.queryForList("select * from confirmation_sent")
                + Attack.fingerprint(jdbc);
    }

    HttpResponse<String> subscribe(String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"email\": \"\"} | email",
                "{\"email\": null} | email",
                "{\"email\": \"not-an-address\"} | email",
                "{\"email\": \"a@b\"} | email",
                "{\"email\": \"a@example.com\\r\\nBcc: b@example.com\"} | email",
                "{\"email\": \"Name <a@example.com>\"} | email",
                "{\"email\": \"a@example.com, b@example.com\"} | email",
                "{\"email\": \"\\u0000a@example.com\"} | email",
                "{\"email\": 42} | email",
                "{\"email\": [\"a@example.com\"]} | email",
                "{\"email\": \"a@example.com\", \"lang\": \"fr\"} | lang",
                "{\"email\": \"a@example.com\", \"lang\": 1} | lang",
                "{\"email\": \"a@example.com\", \"channels\": [\"no-such\"]} | channels",
                "{\"email\": \"a@example.com\", \"channels\": \"fenfu-online\"} | channels",
                "{\"email\": \"a@example.com\", \"channels\": [null]} | channels",
                "{\"email\": \"a@example.com\", \"once\": \"yes\"} | once",
                "{\"email\": \"a@example.com\", \"once\": true} | channels",
                "{\"email\": \"a@example.com\", \"once\": true, \"channels\": [\"fenfu-online\", \"bank-card\"]} | channels",
                "{\"email\": \"a@example.com\", \"once\": true, \"notice\": 999999} | notice",
                "{\"email\": \"a@example.com\", \"notice\": \"x\"} | notice"
            })
    void everyBadSubscriptionIsAClear400ThatSavesNothing(String body, String field) {
        String before = stored();

        HttpResponse<String> answer = subscribe(body);

        assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
        assertThat(Attack.firstError(answer).get("field").asString())
                .as(answer.body())
                .isEqualTo(field);
        assertThat(stored()).isEqualTo(before);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTooLongAddressIsRefused() {
        HttpResponse<String> answer = subscribe("{\"email\": \"" + "a".repeat(250) + "@example.com\"}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Attack.firstError(answer).get("field").asString()).isEqualTo("email");
    }

    @Test
    void refusalsAreInTheReadersLanguage() {
        HttpResponse<String> zh = subscribe("{\"email\": \"nope\"}");
        HttpResponse<String> en =
                http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/subscriptions?lang=en"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"nope\"}")));
        assertThat(Attack.firstError(zh).toString()).contains("有效的电子邮箱地址");
        assertThat(Attack.firstError(en).toString()).contains("valid email address");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"sms\", \"url\": \"https://example.com/hook\"} | type",
                "{\"type\": null, \"url\": \"https://example.com/hook\"} | type",
                "{\"type\": \"webhook\", \"url\": \"javascript:alert(1)\"} | url",
                "{\"type\": \"webhook\", \"url\": \"http://example.com/hook\"} | url",
                "{\"type\": \"webhook\", \"url\": \"https://10.0.0.1/hook\"} | url",
                "{\"type\": \"webhook\", \"url\": \"https://169.254.169.254/\"} | url",
                "{\"type\": \"webhook\", \"url\": 7} | url",
                "{\"type\": \"webhook\", \"url\": \"https://example.com/hook\", \"audience\": \"everyone\"} | audience",
                "{\"type\": \"webhook\", \"url\": \"https://example.com/hook\", \"channels\": [\"nope\"]} | channels",
                "{\"type\": \"webhook\", \"url\": \"https://example.com/hook\", \"secret\": \"mine\"} | secret"
            })
    void everyBadSubscriberFromTheAdminApiIsAClear400ThatSavesNothing(String body, String field) {
        String before = stored();

        HttpResponse<String> answer = Attack.json(http, token, "POST", "/api/admin/subscribers", body);

        assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
        assertThat(Attack.firstError(answer).get("field").asString())
                .as(answer.body())
                .isEqualTo(field);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theFormRefusesABadAddressWithAPageAndMadeUpLinksAreNotFound() {
        String before = stored();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/subscriptions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=not%0d%0aan-address&lang=zh")));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("有效的电子邮箱地址");
        for (String path : List.of(
                "/subscriptions/short/confirm",
                "/subscriptions/" + "a".repeat(43) + "/confirm",
                "/subscriptions/" + "a".repeat(500) + "/confirm",
                "/subscriptions/%E2%80%AE/confirm")) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> unknownUnsubscribe = http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/subscriptions/" + "b".repeat(43) + "/unsubscribe"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(unknownUnsubscribe.statusCode()).isEqualTo(200);
        assertThat(stored()).isEqualTo(before);
        Attack.publicAnswersStayUp(http);
    }
}
