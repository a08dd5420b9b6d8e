package com.paystatus.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The JSON API's time format: ISO-8601 with milliseconds and the page zone's offset. */
public final class ApiTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private ApiTimes() {}

    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : FORMAT.format(instant.atZone(zone));
    }

    /** The earliest and latest instants any field accepts: wider than every domain rule, narrower than SQL's. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * Parses an ISO-8601 instant with a {@code Z} or an offset; null or blank means "unknown". Years
     * outside 1970–9999 are refused here, whatever the field's own rule, so that no far-off instant
     * reaches the database or a page.
     */
    public static Instant parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text.trim()).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.instant", text);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, "validation.instantRange", text);
        }
        return instant;
    }
}
