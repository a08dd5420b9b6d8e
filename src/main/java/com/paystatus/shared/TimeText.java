package com.paystatus.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns instants into the words pages show: times in the page's zone and relative hints such as
 * 「约 2 小时后」. Templates call it as {@code @times}.
 */
@Component("times")
public class TimeText {

    private final MessageSource messages;
    private final PayStatusProperties properties;
    private final Clock clock;

    TimeText(MessageSource messages, PayStatusProperties properties, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** 「11月28日 02:00–04:00」: the end without its date when on the same day. */
    public String window(Instant start, Instant end, Locale locale) {
        ZonedDateTime from = start.atZone(properties.zone());
        ZonedDateTime to = end.atZone(properties.zone());
        String endText = from.toLocalDate().equals(to.toLocalDate())
                ? to.format(DateTimeFormatter.ofPattern("HH:mm", locale))
                : time(end, locale);
        return messages.getMessage("time.window", new Object[] {time(start, locale), endText}, locale);
    }

    /** 「18:00」 today, 「11月28日 02:00」 on another day of this year, with the year otherwise. */
    public String time(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(properties.zone());
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        String key = at.toLocalDate().equals(today)
                ? "time.format.today"
                : at.getYear() == today.getYear() ? "time.format.thisYear" : "time.format.otherYear";
        return at.format(DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale));
    }

    /** 「11月24日」, 「Nov 24」. */
    public String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern(messages.getMessage("time.format.date", null, locale), locale));
    }

    /** 「约 2 小时后」, 「5 分钟前」, 「刚刚」. */
    public String relative(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        Duration delta = Duration.between(clock.instant(), instant);
        boolean future = !delta.isNegative();
        long minutes = Math.abs(delta.toMinutes());
        if (minutes < 1) {
            return messages.getMessage("time.relative.now", null, locale);
        }
        String unit;
        long amount;
        if (minutes < 60) {
            unit = "minutes";
            amount = minutes;
        } else if (minutes < 48 * 60) {
            unit = "hours";
            amount = Math.round(minutes / 60.0);
        } else {
            unit = "days";
            amount = Math.round(minutes / 1440.0);
        }
        String key = "time.relative." + (future ? "in." : "ago.") + unit;
        return messages.getMessage(key, new Object[] {amount}, locale);
    }

    /** 「预计 18:00 恢复（约 2 小时后）」, 「恢复时间待定」, or that the estimate has passed. */
    public String estimate(Instant eta, Locale locale) {
        if (eta == null) {
            return messages.getMessage("eta.unknown", null, locale);
        }
        String key = eta.isAfter(clock.instant()) ? "eta.expected" : "eta.overdue";
        return messages.getMessage(key, new Object[] {time(eta, locale), relative(eta, locale)}, locale);
    }

    /**
     * ISO-8601 with offset, to the second, for {@code <time datetime>}: HTML allows at most three
     * fraction digits, and a reader needs none.
     */
    public String iso(Instant instant) {
        return instant == null
                ? ""
                : instant.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(properties.zone())
                        .toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
