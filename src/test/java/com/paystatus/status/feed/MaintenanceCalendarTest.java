package com.paystatus.status.feed;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.maintenance.ExtendMaintenance;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import com.paystatus.support.TestClockConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The maintenance calendar as a calendar app reads it (parsed back with biweekly): the windows to
 * come, under way and just ended, each with a UID that stays and a SEQUENCE that rises when it moves.
 */
@FullAppTest
class MaintenanceCalendarTest extends HttpTestBase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant T0 = TestClockConfig.START;

    @Autowired
    MaintenanceService maintenances;

    @Autowired
    ChannelService channels;

    @Test
    void theCalendarListsWindowsToComeUnderWayAndCalledOff() {
        String slug = newChannel();
        MaintenanceRecord planned = window(slug, "数据库升级", 2, 4);
        MaintenanceRecord underWay = window(slug, "网络割接", 1, 3);
        MaintenanceRecord calledOff = window(slug, "取消的维护", 5, 6);
        clock.set(T0.plus(Duration.ofMinutes(30)));
        maintenances.completeEarly(calledOff.id(), "不再需要", "ops");
        maintenances.startEarly(underWay.id(), "提前开始", "ops");

        HttpResponse<String> answer = http.get("/maintenance.ics");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        ICalendar calendar = Biweekly.parse(answer.body()).first();
        assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()).contains("维护日历");
        VEvent plannedEvent = event(calendar, planned);
        assertThat(plannedEvent.getSummary().getValue()).isEqualTo("维护：数据库升级");
        assertThat(plannedEvent.getStatus().isConfirmed()).isTrue();
        assertThat(plannedEvent.getDateStart().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofHours(2))));
        assertThat(plannedEvent.getDateEnd().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
        assertThat(plannedEvent.getDescription().getValue()).contains("影响：" + slug);
        assertThat(plannedEvent.getUrl().getValue()).isEqualTo(http.base() + "/#maintenance-" + planned.id());

        VEvent underWayEvent = event(calendar, underWay);
        assertThat(underWayEvent.getDateStart().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(30))));
        assertThat(underWayEvent.getSequence().getValue()).isEqualTo(1);

        VEvent calledOffEvent = event(calendar, calledOff);
        assertThat(calledOffEvent.getStatus().isCancelled()).isTrue();
        assertThat(calledOffEvent.getDateStart().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofHours(5))));
    }

    @Test
    void anExtensionKeepsTheUidAndRaisesTheSequence() {
        String slug = newChannel();
        MaintenanceRecord window = window(slug, "延长的维护", 1, 2);
        VEvent before =
                event(Biweekly.parse(http.get("/maintenance.ics").body()).first(), window);
        // the same answer again: nothing in it depends on when it was asked
        assertThat(http.get("/maintenance.ics").body())
                .isEqualTo(http.get("/maintenance.ics").body());

        clock.set(T0.plus(Duration.ofMinutes(90)));
        maintenances.extend(window.id(), new ExtendMaintenance(T0.plus(Duration.ofHours(3)), "需要更多时间"), "ops");
        VEvent after = event(Biweekly.parse(http.get("/maintenance.ics").body()).first(), window);

        assertThat(after.getUid().getValue()).isEqualTo(before.getUid().getValue());
        assertThat(after.getSequence().getValue())
                .isEqualTo(before.getSequence().getValue() + 1);
        assertThat(after.getDateEnd().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofHours(3))));
        assertThat(after.getDateTimeStamp().getValue()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(90))));
        assertThat(before.getDateTimeStamp().getValue()).isEqualTo(Date.from(T0));
    }

    @Test
    void aChannelsCalendarHoldsItsWindowsOnlyInThePagesLanguage() {
        String mine = newChannel();
        String other = newChannel();
        MaintenanceRecord own = window(mine, "本通道的维护", 1, 2);
        MaintenanceRecord foreign = window(other, "其他通道的维护", 1, 2);

        HttpResponse<String> answer = http.get("/channels/" + mine + "/maintenance.ics?lang=en");

        assertThat(answer.statusCode()).isEqualTo(200);
        ICalendar calendar = Biweekly.parse(answer.body()).first();
        assertThat(calendar.getEvents())
                .extracting(e -> e.getUid().getValue())
                .contains(event(calendar, own).getUid().getValue())
                .noneMatch(uid -> uid.startsWith("maintenance-" + foreign.id() + "@"));
        VEvent event = event(calendar, own);
        assertThat(event.getSummary().getValue()).isEqualTo("Maintenance: 本通道的维护");
        assertThat(event.getSummary().getLanguage()).isEqualTo("en");
        assertThat(event.getUrl().getValue()).isEqualTo(http.base() + "/?lang=en#maintenance-" + own.id());
        assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo(mine + " · maintenance calendar");
    }

    @Test
    void textThatIcalendarEscapesAndFoldsComesBackAsItWasWritten() {
        String slug = newChannel();
        String title = "维护; 包括 a,b 和 C:\\路径";
        String message = "第一行\n第二行; 逗号, 反斜杠 \\\n" + "很长的一行".repeat(40);
        MaintenanceRecord window = maintenances.schedule(
                new MaintenanceDraft(
                        title, message, List.of(slug), T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))),
                "ops");

        String body = http.get("/maintenance.ics").body();

        assertThat(body.lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertThat(body).contains("\r\n");
        VEvent event = event(Biweekly.parse(body).first(), window);
        assertThat(event.getSummary().getValue()).isEqualTo("维护：" + title);
        assertThat(event.getDescription().getValue()).startsWith(message + "\n\n");
    }

    @Test
    void anUnknownOrMalformedChannelIsA404AndTheCalendarStaysUp() {
        for (String path : List.of(
                "/channels/no-such-channel/maintenance.ics",
                "/channels/NO-SUCH/maintenance.ics",
                "/channels/%2e%2e/maintenance.ics",
                "/channels/%E4%B8%AD/maintenance.ics",
                "/channels/" + "a".repeat(3000) + "/maintenance.ics")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body()).as(path).doesNotContain("BEGIN:VCALENDAR").doesNotContain("Exception");
        }
        assertThat(http.get("/channels/no-such-channel/maintenance.ics").statusCode())
                .isEqualTo(404);
        for (String query :
                List.of("?lang=%00", "?lang=" + "x".repeat(2000), "?lang=en&lang=zh", "?lang=%3Cscript%3E")) {
            HttpResponse<String> answer = http.get("/maintenance.ics" + query);
            assertThat(answer.statusCode()).as(query).isLessThan(500);
        }
        HttpResponse<String> calendar = http.get("/maintenance.ics");
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(Biweekly.parse(calendar.body()).first()).isNotNull();
    }

    @Test
    void theMaintenanceSectionAndTheChannelPageLinkTheirCalendars() {
        String slug = newChannel();
        window(slug, "带日历链接的维护", 1, 2);

        assertThat(http.get("/").body()).contains("href=\"/maintenance.ics\"");
        assertThat(http.get("/?lang=en").body()).contains("href=\"/maintenance.ics?lang=en\"");
        assertThat(http.get("/channels/" + slug).body()).contains("href=\"/channels/" + slug + "/maintenance.ics\"");
    }

    private MaintenanceRecord window(String slug, String title, int fromHour, int toHour) {
        return maintenances.schedule(
                new MaintenanceDraft(
                        title,
                        "说明",
                        List.of(slug),
                        T0.plus(Duration.ofHours(fromHour)),
                        T0.plus(Duration.ofHours(toHour))),
                "ops");
    }

    private static VEvent event(ICalendar calendar, MaintenanceRecord window) {
        return calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().startsWith("maintenance-" + window.id() + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event for maintenance " + window.id()));
    }

    private String newChannel() {
        String slug = "cal-" + SEQUENCE.incrementAndGet();
        channels.create(slug, new ChannelDetails(slug, slug, "", "", "测试", "Tests", 1, List.of()), "test");
        return slug;
    }
}
