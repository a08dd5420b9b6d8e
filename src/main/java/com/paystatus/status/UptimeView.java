package com.paystatus.status;

import java.util.List;

/**
 * What a page shows of a channel's uptime: its daily bars and the share over all of them.
 *
 * @param overall 「99.95%」, or null without any data
 */
public record UptimeView(List<DayBar> bars, String overall) {

    static UptimeView of(List<DayBar> bars) {
        Double share = Uptime.overall(bars);
        return new UptimeView(bars, share == null ? null : Uptime.percent(share, 2));
    }
}
