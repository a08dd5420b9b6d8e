package com.paystatus.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The maintenance calendars' inputs: the channel in the path, the language in the query, and the
 * operators' text that ends up in iCalendar properties. None of them breaks a calendar, a public
 * page or anything stored; no text can add an event or a property of its own.
 */
@FullAppTest
class CalendarBoundariesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void hostileChannelsAndLanguagesAreAClearAnswerNotAnError() {
        String before = Attack.fingerprint(jdbc);
        for (String path : List.of(
                "/channels/no-such-channel/maintenance.ics",
                "/channels/FENFU-ONLINE/maintenance.ics",
                "/channels/fenfu-online%00/maintenance.ics",
                "/channels/%2e%2e%2f%2e%2e/maintenance.ics",
                "/channels/fenfu-online%0d%0aX-Evil:1/maintenance.ics",
                "/channels/%F0%9F%92%A5/maintenance.ics",
                "/channels/%ED%A0%80/maintenance.ics",
                "/channels/" + "a".repeat(5000) + "/maintenance.ics",
                "/maintenance.ics?lang=%00",
                "/maintenance.ics?lang=%ED%A0%80",
                "/maintenance.ics?lang=" + "e".repeat(5000),
                "/channels/fenfu-online/maintenance.ics?lang=en%0d%0aSet-Cookie:x=1")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isLessThan(500);
            assertThat(answer.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(answer.headers().map().keySet()).as(path).doesNotContain("x-evil");
            if (answer.statusCode() == 200) {
                assertThat(Biweekly.parse(answer.body()).first()).as(path).isNotNull();
            }
        }
        assertThat(Attack.fingerprint(jdbc)).isEqualTo(before);
        Attack.publicAnswersStayUp(http);
    }

    @Test
    void operatorsTextCannotAddEventsOrPropertiesToTheCalendar() {
        String token = Attack.token(http, port);
        String injected = "正文\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:evil@attacker\\nSUMMARY:免费领取\\nEND:VEVENT\\n"
                + "DESCRIPTION;X=\\\"a:b\\\";LANGUAGE=en:x, y; z \\\\ ";
        HttpResponse<String> scheduled =
                Attack.json(http, token, "POST", "/api/admin/maintenances", """
                {"title": "END:VCALENDAR; BEGIN:VEVENT, \\\\ 维护", "message": "%s",
                 "channels": ["fenfu-online"],
                 "startsAt": "2026-12-20T02:00:00+08:00", "endsAt": "2026-12-20T04:00:00+08:00"}""".formatted(injected));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        long id = Http.json(scheduled).get("id").asLong();
        try {
            for (String path : List.of("/maintenance.ics", "/channels/fenfu-online/maintenance.ics?lang=en")) {
                HttpResponse<String> answer = http.get(path);
                assertThat(answer.statusCode()).isEqualTo(200);
                List<ICalendar> calendars = Biweekly.parse(answer.body()).all();
                assertThat(calendars).hasSize(1);
                List<VEvent> events = calendars.get(0).getEvents();
                assertThat(events).extracting(e -> e.getUid().getValue()).noneMatch(uid -> uid.contains("evil"));
                VEvent event = events.stream()
                        .filter(e -> e.getUid().getValue().startsWith("maintenance-" + id + "@"))
                        .findFirst()
                        .orElseThrow();
                assertThat(event.getSummary().getValue()).endsWith("END:VCALENDAR; BEGIN:VEVENT, \\ 维护");
                assertThat(event.getDescription().getValue()).contains("UID:evil@attacker\nSUMMARY:免费领取");
                assertThat(event.getExperimentalProperties()).isEmpty();
            }
        } finally {
            Attack.json(http, token, "POST", "/api/admin/maintenances/" + id + "/complete", "{}");
        }
        Attack.publicAnswersStayUp(http);
    }
}
