package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 10,000 email subscribers and 100 webhooks on one channel, on the H2 file database of a default
 * install: how long from posting a notice until every mail is accepted by a real SMTP server on
 * loopback (GreenMail) and every webhook is received, and how long the operator's POST takes with
 * none and with all of them. Measures, does not test: {@code ./mvnw test -Pbenchmark
 * -Dtest=SubscriptionBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "paystatus.notify.allow-private-targets=true"})
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@DirtiesContext
class SubscriptionBenchmark extends HttpTestBase {

    static final int MAILS = 10_000;
    static final int WEBHOOKS = 100;

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtp();

    static final Receiver RECEIVER = new Receiver();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("bench").toAbsolutePath() + ";WRITE_DELAY=0");
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Autowired
    JdbcTemplate jdbc;

    long post(String title, String channel) {
        long start = System.nanoTime();
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "fault", "message": "Looking into it.",
                 "channels": {"%s": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(title, channel));
        long took = System.nanoTime() - start;
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return took;
    }

    static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2] / 1e6;
    }

    void subscribe() {
        Timestamp at = Timestamp.from(clock.instant().minusSeconds(60));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            rows.add(new Object[] {"email", "reader" + i + "@example.com", null, Secrets.token(), at, at});
        }
        for (int i = 0; i < WEBHOOKS; i++) {
            rows.add(
                    new Object[] {"webhook", RECEIVER.url("/hook" + i), Secrets.webhookSecret(), Secrets.token(), at, at
                    });
        }
        jdbc.batchUpdate(
                "insert into subscriber (type, audience, address, secret, lang, once_only, token, created_at,"
                        + " confirmed_at) values (?, 'public', ?, ?, 'zh', false, ?, ?, ?)",
                rows);
        jdbc.update("insert into subscriber_channel (subscriber_id, slug) select id, 'fenfu-online' from subscriber");
    }

    @Test
    void tenThousandMailsAndAHundredWebhooksAfterOneNotice() {
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            without.add(post("Warm-up " + i, "bank-card"));
        }
        subscribe();
        List<Long> with = new ArrayList<>();
        long start = System.nanoTime();
        with.add(post("Online shopping is down", "fenfu-online"));
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> SMTP.getReceivedMessages().length >= MAILS && RECEIVER.received.size() >= WEBHOOKS);
        double all = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < 6; i++) {
            with.add(post("Update " + i, "wechat-pay")); // no subscriber: the POST with 10,000 rows in the table
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(MAILS);
        assertThat(Arrays.stream(SMTP.getReceivedMessages())
                        .map(Mailbox::recipients)
                        .distinct()
                        .count())
                .isEqualTo(MAILS);
        assertThat(RECEIVER.received.stream()
                        .map(Receiver.Received::path)
                        .distinct()
                        .count())
                .isEqualTo(WEBHOOKS);
        System.out.printf(
                "subscriptions benchmark: %d mails + %d webhooks delivered %.1f s after the POST (%.0f mails/s);"
                        + " operator POST median %.1f ms with no subscribers, %.1f ms with %d (the fanned-out one: %.1f ms)%n",
                MAILS, WEBHOOKS, all, MAILS / all, median(without), median(with), MAILS + WEBHOOKS, with.get(0) / 1e6);
    }
}
