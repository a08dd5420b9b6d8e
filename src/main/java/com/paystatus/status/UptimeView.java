package com.paystatus.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a page shows of a channel's uptime: its daily bars and the share over all of them. A fresh
 * install has data for a few minutes of today only, so the page names the span the share covers
 * (「自 12月2日开始记录以来」) instead of calling it 90 days.
 *
 * @param overall 「99.95%」, or null without any data
 */
public record UptimeView(List<DayBar> bars, String overall) {

    static UptimeView of(List<DayBar> bars) {
        Double share = Uptime.overall(bars);
        return new UptimeView(bars, share == null ? null : Uptime.percent(share, 2));
    }

    /** The first day with data, or null without any. */
    public LocalDate firstDay() {
        return bars.stream()
                .filter(DayBar::hasData)
                .map(DayBar::date)
                .findFirst()
                .orElse(null);
    }

    /** Whether the data began within the bars' span: the share is then "since tracking began". */
    public boolean sinceTracking() {
        return coveredDays() < bars.size();
    }

    /**
     * The bars as runs of days of one colour, oldest first: the board draws each channel's 90 days as
     * one small SVG of a few rectangles instead of 90 elements (Lighthouse counted ~1,000 on {@code /}).
     */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            String colour = bars.get(i).colour();
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.colour().equals(colour)) {
                runs.set(runs.size() - 1, new Run(last.start(), last.days() + 1, colour));
            } else {
                runs.add(new Run(i, 1, colour));
            }
        }
        return runs;
    }

    /** Days {@code start} to {@code start + days - 1} of the bars, all of one colour. */
    public record Run(int start, int days, String colour) {}

    /** Days from the first day with data to today, both counted. */
    public int coveredDays() {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).hasData()) {
                return bars.size() - i;
            }
        }
        return 0;
    }
}
