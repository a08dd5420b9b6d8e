package com.paystatus.status;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.channel.StateTimeline;
import com.paystatus.notice.NoticeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily uptime derived from a channel's state history, nothing stored: each day of the page's zone
 * is cut out of the timeline, and the time in each state summed. People cannot pay while a channel
 * is {@code unavailable} or under {@code compliance_review}: that is outage. {@code maintenance} is
 * announced ahead and counted apart, out of the share; {@code degraded} still lets people pay.
 */
public final class Uptime {

    private Uptime() {}

    /** The last {@code days} days up to and including today, oldest first. */
    public static List<DayBar> daily(
            StateTimeline timeline, List<NoticeSpan> notices, ZoneId zone, Instant now, int days) {
        List<Segment> segments = segments(timeline, now);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<DayBar> bars = new ArrayList<>(days);
        int first = 0;
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant nextDay = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant dayEnd = nextDay.isAfter(now) ? now : nextDay;
            while (first < segments.size() && !segments.get(first).end().isAfter(dayStart)) {
                first++;
            }
            long observed = 0;
            long outage = 0;
            long maintenance = 0;
            long degraded = 0;
            ChannelState worst = null;
            for (int i = first; i < segments.size() && segments.get(i).start().isBefore(dayEnd); i++) {
                Segment s = segments.get(i);
                long seconds = overlap(s, dayStart, dayEnd);
                if (s.state() == null || seconds <= 0) {
                    continue;
                }
                observed += seconds;
                switch (s.state()) {
                    case UNAVAILABLE, COMPLIANCE_REVIEW -> outage += seconds;
                    case MAINTENANCE -> maintenance += seconds;
                    case DEGRADED -> degraded += seconds;
                    case AVAILABLE -> {}
                }
                if (worst == null || s.state().isWorseThan(worst)) {
                    worst = s.state();
                }
            }
            Double availability = null;
            if (observed > 0) {
                long counted = observed - maintenance;
                availability = counted == 0 ? 1.0 : 1.0 - (double) outage / counted;
            }
            Instant from = dayStart;
            List<NoticeSpan> that = notices.stream()
                    .filter(n -> n.channels().contains(timeline.slug()) && n.overlaps(from, nextDay))
                    .toList();
            bars.add(
                    new DayBar(date, availability, worst, observed - maintenance, outage, maintenance, degraded, that));
        }
        return bars;
    }

    /** The share of all the days' counted time without outage, or null without any data. */
    public static Double overall(List<DayBar> bars) {
        if (bars.stream().noneMatch(DayBar::hasData)) {
            return null;
        }
        long outage = bars.stream().mapToLong(DayBar::outageSeconds).sum();
        long counted = bars.stream().mapToLong(DayBar::countedSeconds).sum();
        return counted == 0 ? 1.0 : 1.0 - (double) outage / counted;
    }

    /** 「99.95%」, rounded down. */
    public static String percent(double share, int decimals) {
        return DayBar.round(share, decimals) + "%";
    }

    private static List<Segment> segments(StateTimeline timeline, Instant now) {
        List<Segment> segments = new ArrayList<>();
        Instant start = timeline.from();
        ChannelState state = timeline.initial();
        for (StateChange change : timeline.changes()) {
            if (change.at().isAfter(start)) {
                segments.add(new Segment(start, change.at(), state));
                start = change.at();
            }
            state = change.to();
        }
        if (now.isAfter(start)) {
            segments.add(new Segment(start, now, state));
        }
        return segments;
    }

    private static long overlap(Segment s, Instant from, Instant to) {
        Instant start = s.start().isAfter(from) ? s.start() : from;
        Instant end = s.end().isBefore(to) ? s.end() : to;
        return end.isAfter(start) ? Duration.between(start, end).toSeconds() : 0;
    }

    private record Segment(Instant start, Instant end, ChannelState state) {}
}
