package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board draws a channel's days as runs of one colour: every day keeps its colour and place. */
class UptimeViewTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    private static DayBar day(int i, Double availability, long outageSeconds) {
        return new DayBar(
                FIRST.plusDays(i),
                availability,
                availability == null ? null : outageSeconds > 0 ? ChannelState.UNAVAILABLE : ChannelState.AVAILABLE,
                86_400,
                outageSeconds,
                0,
                0,
                List.of());
    }

    @Test
    void ninetyDaysWithOneBadDayAreFourRunsThatCoverEveryDayOnce() {
        List<DayBar> bars = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            bars.add(i < 30 ? day(i, null, 0) : i == 60 ? day(i, 0.95, 4_320) : day(i, 1.0, 0));
        }
        List<UptimeView.Run> runs = UptimeView.of(bars).runs();
        assertThat(runs)
                .containsExactly(
                        new UptimeView.Run(0, 30, "bar-none"),
                        new UptimeView.Run(30, 30, "bar-ok"),
                        new UptimeView.Run(60, 1, "bar-major"),
                        new UptimeView.Run(61, 29, "bar-ok"));
    }
}
