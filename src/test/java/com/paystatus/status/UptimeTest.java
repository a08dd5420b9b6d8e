package com.paystatus.status;

import static com.paystatus.channel.ChannelState.AVAILABLE;
import static com.paystatus.channel.ChannelState.COMPLIANCE_REVIEW;
import static com.paystatus.channel.ChannelState.DEGRADED;
import static com.paystatus.channel.ChannelState.MAINTENANCE;
import static com.paystatus.channel.ChannelState.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.channel.StateTimeline;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The uptime arithmetic: days in the page's zone, changes across midnight, maintenance apart. */
class UptimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = at("2026-08-01T00:00");

    /** A local time in Shanghai. */
    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static StateTimeline timeline(ChannelState initial, Object... changes) {
        List<StateChange> list = new ArrayList<>();
        for (int i = 0; i < changes.length; i += 2) {
            list.add(new StateChange(null, (ChannelState) changes[i + 1], at((String) changes[i]), "ops", null, null));
        }
        return new StateTimeline("fenfu-online", FROM, initial, list);
    }

    private static DayBar day(List<DayBar> bars, String date) {
        return bars.stream()
                .filter(b -> b.date().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDayWithThirtyMinutesUnavailableReads97Point9() {
        var bars = Uptime.daily(
                timeline(AVAILABLE, "2026-11-24T10:00", UNAVAILABLE, "2026-11-24T10:30", AVAILABLE),
                List.of(),
                SHANGHAI,
                at("2026-11-25T12:00"),
                90);

        assertThat(bars).hasSize(90);
        assertThat(bars.get(89).date()).isEqualTo(LocalDate.parse("2026-11-25"));
        DayBar bad = day(bars, "2026-11-24");
        assertThat(bad.percent()).isEqualTo("97.9%");
        assertThat(bad.outageSeconds()).isEqualTo(1800);
        assertThat(bad.worstState()).isEqualTo(UNAVAILABLE);
        assertThat(day(bars, "2026-11-23").availability()).isEqualTo(1.0);
        assertThat(day(bars, "2026-11-23").worstState()).isEqualTo(AVAILABLE);
    }

    @Test
    void daysAreCutAtMidnightInThePagesZoneNotInUtc() {
        // 23:30 to 00:30 Shanghai time is 15:30 to 16:30 UTC: one UTC day, but two days on the page
        var bars = Uptime.daily(
                timeline(AVAILABLE, "2026-11-20T23:30", UNAVAILABLE, "2026-11-21T00:30", AVAILABLE),
                List.of(),
                SHANGHAI,
                at("2026-11-25T12:00"),
                10);

        assertThat(day(bars, "2026-11-20").outageSeconds()).isEqualTo(1800);
        assertThat(day(bars, "2026-11-21").outageSeconds()).isEqualTo(1800);
        assertThat(day(bars, "2026-11-20").percent()).isEqualTo("97.9%");
        assertThat(day(bars, "2026-11-22").outageSeconds()).isZero();
    }

    @Test
    void anOutageSpanningSeveralDaysFillsEachDay() {
        var bars = Uptime.daily(
                timeline(AVAILABLE, "2026-11-20T18:00", UNAVAILABLE, "2026-11-22T06:00", AVAILABLE),
                List.of(),
                SHANGHAI,
                at("2026-11-25T12:00"),
                10);

        assertThat(day(bars, "2026-11-20").outageSeconds()).isEqualTo(6 * 3600);
        assertThat(day(bars, "2026-11-21").availability()).isEqualTo(0.0);
        assertThat(day(bars, "2026-11-21").percent()).isEqualTo("0%");
        assertThat(day(bars, "2026-11-22").outageSeconds()).isEqualTo(6 * 3600);
        assertThat(day(bars, "2026-11-22").percent()).isEqualTo("75%");
    }

    @Test
    void maintenanceCountsApartFromOutage() {
        var bars = Uptime.daily(
                timeline(
                        AVAILABLE,
                        "2026-11-23T02:00",
                        MAINTENANCE,
                        "2026-11-23T04:00",
                        AVAILABLE,
                        "2026-11-24T02:00",
                        MAINTENANCE,
                        "2026-11-24T04:00",
                        UNAVAILABLE,
                        "2026-11-24T05:00",
                        AVAILABLE),
                List.of(),
                SHANGHAI,
                at("2026-11-25T12:00"),
                5);

        DayBar maintenanceOnly = day(bars, "2026-11-23");
        assertThat(maintenanceOnly.availability()).isEqualTo(1.0);
        assertThat(maintenanceOnly.maintenanceSeconds()).isEqualTo(7200);
        assertThat(maintenanceOnly.worstState()).isEqualTo(MAINTENANCE);
        assertThat(maintenanceOnly.colour()).isEqualTo("bar-maintenance");

        DayBar both = day(bars, "2026-11-24");
        // one hour of outage out of the 22 hours that were not maintenance
        assertThat(both.availability()).isEqualTo(1 - 3600.0 / (22 * 3600));
        assertThat(both.worstState()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void complianceReviewIsOutageAndDegradedIsNot() {
        var bars = Uptime.daily(
                timeline(
                        AVAILABLE,
                        "2026-11-23T08:00",
                        COMPLIANCE_REVIEW,
                        "2026-11-23T14:00",
                        DEGRADED,
                        "2026-11-23T20:00",
                        AVAILABLE),
                List.of(),
                SHANGHAI,
                at("2026-11-25T12:00"),
                5);

        DayBar day = day(bars, "2026-11-23");
        assertThat(day.percent()).isEqualTo("75%");
        assertThat(day.degradedSeconds()).isEqualTo(6 * 3600);
        assertThat(day.worstState()).isEqualTo(COMPLIANCE_REVIEW);
    }

    @Test
    void todayCountsOnlyUpToNowAndDaysBeforeTheChannelExistedHaveNoData() {
        var created = new StateTimeline(
                "fenfu-online",
                FROM,
                null,
                List.of(
                        new StateChange(null, AVAILABLE, at("2026-11-24T12:00"), "ops", null, null),
                        new StateChange(AVAILABLE, UNAVAILABLE, at("2026-11-25T11:00"), "ops", null, null)));
        var bars = Uptime.daily(created, List.of(), SHANGHAI, at("2026-11-25T12:00"), 5);

        assertThat(day(bars, "2026-11-23").hasData()).isFalse();
        assertThat(day(bars, "2026-11-23").colour()).isEqualTo("bar-none");
        assertThat(day(bars, "2026-11-24").availability()).isEqualTo(1.0);
        // 12 hours observed today, one of them unavailable
        assertThat(day(bars, "2026-11-25").availability()).isEqualTo(11.0 / 12);
        assertThat(Uptime.overall(bars)).isEqualTo(1 - 3600.0 / (24 * 3600));
    }

    @Test
    void eachDayListsTheNoticesAboutTheChannelOpenThatDay() {
        var fault = new NoticeSpan(
                7, "分付暂不能使用", NoticeKind.FAULT, Set.of("fenfu-online"), at("2026-11-23T23:00"), at("2026-11-24T01:00"));
        var other = new NoticeSpan(8, "支付宝", NoticeKind.FAULT, Set.of("alipay"), at("2026-11-23T10:00"), null);
        var bars = Uptime.daily(timeline(AVAILABLE), List.of(fault, other), SHANGHAI, at("2026-11-25T12:00"), 5);

        assertThat(day(bars, "2026-11-23").notices()).extracting(NoticeSpan::id).containsExactly(7L);
        assertThat(day(bars, "2026-11-24").notices()).extracting(NoticeSpan::id).containsExactly(7L);
        assertThat(day(bars, "2026-11-25").notices()).isEmpty();
    }

    @Test
    void percentagesAreRoundedDownSoABadDayNeverReadsPerfect() {
        assertThat(Uptime.percent(0.99999, 2)).isEqualTo("99.99%");
        assertThat(Uptime.percent(1.0, 2)).isEqualTo("100%");
        assertThat(Uptime.percent(0.9795, 1)).isEqualTo("97.9%");
    }
}
