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

    /** Parses an ISO-8601 instant with a {@code Z} or an offset; null or blank means "unknown". */
    public static Instant parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim()).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.instant", text);
        }
    }
}
