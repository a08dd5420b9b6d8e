package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.paystatus.support.Http;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email subscriptions end to end, through HTTP as a reader and an operator would, with a real SMTP
 * server on loopback: double opt-in, the 72-hour link, one-click unsubscribe, the once-only
 * subscription, channel scope and the ten-minute rule.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:subscriptions-email;DB_CLOSE_DELAY=-1",
            "spring.mail.host=127.0.0.1",
            "paystatus.notify.subscriptions-per-hour=1000",
            "paystatus.notify.poll=200ms"
        })
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class EmailSubscriptionTest extends HttpTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.paystatus.maintenance.MaintenanceService maintenances;

    HttpResponse<String> subscribe(String email, String channels, boolean once, String lang) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        """
                        {"email": "%s", "channels": [%s], "once": %s, "lang": "%s"}""".formatted(email, channels, once, lang), StandardCharsets.UTF_8)));
    }

    /** Subscribes, follows the confirmation mail's link, and returns the confirmation mail. */
    MimeMessage confirmed(String email, String channels, boolean once, String lang) {
        assertThat(subscribe(email, channels, once, lang).statusCode()).isEqualTo(202);
        MimeMessage confirmation = Mailbox.await(SMTP, email, 1).get(0);
        HttpResponse<String> confirm = http.get(Mailbox.link(confirmation, "confirm"));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        return confirmation;
    }

    long postNotice(String title, String channel) {
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "%s", "kind": "fault", "message": "Looking into it.",
                 "channels": {"%s": "unavailable"}, "estimatedRecoveryAt": null}""".formatted(title, channel));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return Http.json(posted).get("id").asLong();
    }

    void resolve(long notice) {
        HttpResponse<String> resolved = http.adminJson("POST", "/api/admin/notices/" + notice + "/updates", """
                {"status": "resolved", "message": "Back again.", "estimatedRecoveryAt": null}""");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    }

    int subscribers(String email) {
        return jdbc.queryForObject("select count(*) from subscriber where address = ?", Integer.class, email);
    }

    @Test
    void aConfirmedSubscriberGetsEachNoticeInTextAndHtmlWithOneClickUnsubscribeHeaders() {
        MimeMessage confirmation = confirmed("reader@example.com", "\"fenfu-online\"", false, "en");
        assertThat(Mailbox.subject(confirmation)).contains("confirm");
        assertThat(Mailbox.text(confirmation)).contains("72 hours");

        postNotice("Online shopping is down", "fenfu-online");

        MimeMessage notice = Mailbox.await(SMTP, "reader@example.com", 2).get(1);
        assertThat(Mailbox.subject(notice)).isEqualTo("Online shopping is down: Investigating");
        assertThat(Mailbox.text(notice))
                .contains("Cause: Technical fault")
                .contains("Expected recovery: Recovery time not yet known")
                .contains("Temporarily unavailable")
                .contains("/notices/")
                .contains("Unsubscribe: ");
        assertThat(Mailbox.html(notice)).contains("<h1>Online shopping is down</h1>");
        assertThat(Mailbox.header(notice, "List-Unsubscribe"))
                .matches("<http://localhost:\\d+/subscriptions/.{43}/unsubscribe>");
        assertThat(Mailbox.header(notice, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void anEnglishSubscriberGetsTheEnglishTextWhereWrittenAndTheChineseMarkedOtherwise() {
        confirmed("english@example.com", "\"fenfu-transit\"", false, "en");
        HttpResponse<String> posted = http.adminJson("POST", "/api/admin/notices", """
                {"title": "分付出行暂不能使用", "titleEn": "Fenfu transit is down", "kind": "fault",
                 "message": "正在排查。", "messageEn": "We are looking into it.",
                 "channels": {"fenfu-transit": "unavailable"}, "estimatedRecoveryAt": null}""");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long id = Http.json(posted).get("id").asLong();
        MimeMessage english = Mailbox.await(SMTP, "english@example.com", 2).get(1);
        assertThat(Mailbox.subject(english)).isEqualTo("Fenfu transit is down: Investigating");
        assertThat(Mailbox.html(english)).contains("<p>We are looking into it.</p>");

        http.adminJson("POST", "/api/admin/notices/" + id + "/updates", """
                {"status": "identified", "message": "已定位到网关故障。", "estimatedRecoveryAt": null}""");
        MimeMessage fallback = Mailbox.await(SMTP, "english@example.com", 3).get(2);
        assertThat(Mailbox.html(fallback)).contains("<p lang=\"zh-CN\">已定位到网关故障。</p>");
        resolve(id);
    }

    @Test
    void aSubscriberHearsOfAMaintenanceWhenItIsScheduledAndAgainAnHourBeforeItStarts() {
        confirmed("maintenance@example.com", "\"bank-card\"", false, "en");
        Instant startsAt = clock.instant().plus(Duration.ofHours(3));
        HttpResponse<String> scheduled = http.adminJson(
                "POST", "/api/admin/maintenances", """
                {"title": "Card network upgrade", "message": "Card payments pause for the upgrade.",
                 "channels": ["bank-card"], "startsAt": "%s", "endsAt": "%s"}""".formatted(startsAt, startsAt.plus(Duration.ofHours(1))));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        assertThat(Mailbox.subject(
                        Mailbox.await(SMTP, "maintenance@example.com", 2).get(1)))
                .contains("Card network upgrade");

        clock.advance(Duration.ofHours(2).plusMinutes(1)); // 59 minutes before the start
        maintenances.recordDueTransitions();
        maintenances.recordDueTransitions(); // said once, however often the scheduler runs

        MimeMessage soon = Mailbox.await(SMTP, "maintenance@example.com", 3).get(2);
        assertThat(Mailbox.subject(soon)).contains("Card network upgrade");
        assertThat(Mailbox.text(soon)).contains("Card payments pause for the upgrade.");
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where kind = 'maintenance.soon'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void nothingIsSentBeforeTheLinkIsFollowedAndTheLinkRunsOutAfter72Hours() {
        assertThat(subscribe("late@example.com", "", false, "zh").statusCode()).isEqualTo(202);
        MimeMessage confirmation = Mailbox.await(SMTP, "late@example.com", 1).get(0);
        assertThat(Mailbox.text(confirmation)).contains("72");
        postNotice("Before confirming", "fenfu-offline");
        clock.advance(Duration.ofHours(72).plusMinutes(1));

        HttpResponse<String> expired = http.get(Mailbox.link(confirmation, "confirm"));

        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from delivery d join subscriber s on s.id = d.subscriber_id where s.address = ?",
                        Integer.class,
                        "late@example.com"))
                .isZero();
    }

    @Test
    void aMailClientsOneClickPostUnsubscribesAndDeletesTheAddressWhileAGetOnlyShowsAButton() {
        confirmed("oneclick@example.com", "", false, "zh");
        postNotice("One click", "fenfu-transit");
        MimeMessage notice = Mailbox.await(SMTP, "oneclick@example.com", 2).get(1);
        String unsubscribe = Mailbox.link(notice, "unsubscribe");

        HttpResponse<String> page = http.get(unsubscribe);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(subscribers("oneclick@example.com")).isEqualTo(1);

        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create(http.base() + unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(subscribers("oneclick@example.com")).isZero();
    }

    @Test
    void theConfirmationLinkUnsubscribesToo() {
        MimeMessage confirmation = confirmed("link@example.com", "", false, "en");
        String unsubscribe = Mailbox.link(confirmation, "confirm").replace("/confirm", "/unsubscribe");

        HttpResponse<String> button = http.send(HttpRequest.newBuilder(URI.create(http.base() + unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));

        assertThat(button.statusCode()).isEqualTo(200);
        assertThat(subscribers("link@example.com")).isZero();
    }

    @Test
    void aOnceSubscriberIsToldOnlyWhenTheChannelIsBackAndIsThenDeleted() {
        confirmed("once@example.com", "\"bank-card\"", true, "en");
        long notice = postNotice("Bank cards down", "bank-card");
        long other = postNotice("Another one", "wechat-pay");
        resolve(other);

        resolve(notice);

        MimeMessage back = Mailbox.await(SMTP, "once@example.com", 2).get(1);
        assertThat(Mailbox.subject(back)).isEqualTo("Bank cards down: Resolved");
        assertThat(Mailbox.text(back)).contains("it is sent once").contains("Available");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> subscribers("once@example.com") == 0);
        assertThat(Mailbox.to(SMTP, "once@example.com")).hasSize(2);
    }

    @Test
    void aSubscriberHearsOnlyAboutTheChannelsChosen() {
        confirmed("scoped@example.com", "\"fenfu-repayment\"", false, "en");
        postNotice("Not yours", "wechat-pay");
        postNotice("Yours", "fenfu-repayment");

        List<MimeMessage> mails = Mailbox.await(SMTP, "scoped@example.com", 2);

        assertThat(mails)
                .extracting(Mailbox::subject)
                .containsExactly(Mailbox.subject(mails.get(0)), "Yours: Investigating");
    }

    @Test
    void oneConfirmationMailPerAddressInTenMinutesAndTheSameAnswerForKnownAndUnknownAddresses() {
        confirmed("known@example.com", "", false, "en");
        HttpResponse<String> known = subscribe("known@example.com", "", false, "en");
        HttpResponse<String> unknown = subscribe("unknown@example.com", "", false, "en");
        HttpResponse<String> again = subscribe("unknown@example.com", "", false, "en");

        assertThat(List.of(known.statusCode(), unknown.statusCode(), again.statusCode()))
                .containsOnly(202);
        assertThat(known.body()).isEqualTo(unknown.body()).isEqualTo(again.body());
        assertThat(known.body()).doesNotContain("known@example.com");
        assertThat(subscribers("unknown@example.com")).isEqualTo(1);
        assertThat(subscribers("known@example.com")).isEqualTo(1); // asked again within ten minutes: nothing new

        clock.advance(Duration.ofMinutes(11));
        subscribe("unknown@example.com", "", false, "en");

        Mailbox.await(SMTP, "unknown@example.com", 2);
        assertThat(Mailbox.to(SMTP, "known@example.com")).hasSize(1);
    }

    @Test
    void theFormOnThePagesCarriesNoTokenAndPostsWithoutOne() {
        HttpResponse<String> board = http.get("/channels/fenfu-online");
        assertThat(board.body()).contains("action=\"/subscriptions\"").doesNotContain("_csrf");

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/subscriptions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "lang=en&channels=fenfu-online&once=true&email=form%40example.com")));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/subscriptions/requested?lang=en");
        assertThat(Mailbox.text(Mailbox.await(SMTP, "form@example.com", 1).get(0)))
                .contains("once");
    }

    @Test
    void anUntickedUpdateReachesNobody() {
        confirmed("quiet@example.com", "\"fenfu-offline\"", false, "en");
        long notice = postNotice("Typo here", "fenfu-offline");
        Mailbox.await(SMTP, "quiet@example.com", 2);
        long before = jdbc.queryForObject("select count(*) from notification", Long.class);

        HttpResponse<String> update = http.adminJson("POST", "/api/admin/notices/" + notice + "/updates", """
                {"status": "investigating", "message": "Typo fixed.", "estimatedRecoveryAt": null,
                 "notifySubscribers": false}""");

        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from notification", Long.class))
                .isEqualTo(before);
    }

    @Test
    void tellMeOnceWhenItIsBackIsOnTheAffectedCardTheChannelAndNoticePagesAndAfterAReport() {
        long notice = postNotice("还款入口打不开", "fenfu-repayment");

        String home = http.get("/").body();
        String card = home.substring(home.indexOf("id=\"channel-fenfu-repayment\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertThat(card)
                .contains("class=\"notify-once\"")
                .contains("action=\"/subscriptions\"")
                .contains("name=\"channels\" value=\"fenfu-repayment\"")
                .contains("name=\"once\" value=\"true\"")
                .contains("恢复后通知我");
        assertThat(home).as("a cached page shared by everyone").doesNotContain("_csrf");
        assertThat(http.get("/channels/fenfu-repayment").body())
                .contains("action=\"/subscriptions\"")
                .contains("value=\"fenfu-repayment\"")
                .contains("恢复后通知我")
                .doesNotContain("_csrf");
        assertThat(http.get("/notices/" + notice).body())
                .contains("action=\"/subscriptions\"")
                .contains("name=\"notice\" value=\"" + notice + "\"")
                .doesNotContain("_csrf");
        String reported = http.get("/channels/fenfu-repayment/reported").body();
        assertThat(reported)
                .contains("class=\"notify-once\"")
                .contains("name=\"channels\" value=\"fenfu-repayment\"")
                .doesNotContain("_csrf");

        // the card's form, posted as a browser without JavaScript would: no token
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/subscriptions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "lang=zh&channels=fenfu-repayment&once=true&email=card-once%40example.com")));
        assertThat(posted.statusCode()).isEqualTo(302);
        MimeMessage confirmation =
                Mailbox.await(SMTP, "card-once@example.com", 1).get(0);
        assertThat(http.get(Mailbox.link(confirmation, "confirm")).statusCode()).isEqualTo(200);

        // a one-shot subscription to that channel (told once when it is back: see the once-only test)
        assertThat(jdbc.queryForObject(
                        "select count(*) from subscriber s join subscriber_channel c on c.subscriber_id = s.id"
                                + " where s.address = 'card-once@example.com' and s.once_only = true"
                                + " and s.confirmed_at is not null and c.slug = 'fenfu-repayment'",
                        Integer.class))
                .isEqualTo(1);
        resolve(notice);
    }
}
