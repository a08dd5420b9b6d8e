package com.paystatus.status.feed;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Status;
import biweekly.property.Summary;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The maintenance windows of a snapshot as an RFC 5545 calendar, written by biweekly (which escapes
 * text; lines are folded here by octets, see {@link #foldToOctets}). Everything in an event is derived from the window as stored: its {@code
 * UID} from its id, its {@code SEQUENCE} from the number of operator actions on it (each start early,
 * extension or early completion moves its times, so a calendar app replaces its copy), {@code
 * DTSTAMP} and {@code LAST-MODIFIED} from the latest of them. A window completed before it began was
 * called off: {@code STATUS:CANCELLED} at its planned times.
 */
@Component
class MaintenanceCalendar {

    private static final int LINE_OCTETS = 75;

    private final MessageSource messages;

    MaintenanceCalendar(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param base the absolute base of links, without a trailing slash
     * @param lang the language query of links ({@code ""} or {@code "?lang=en"})
     * @param channel the one channel the calendar is for, or null for all
     */
    record Request(StatusSnapshot snapshot, Locale locale, String base, String lang, ChannelView channel) {}

    String write(Request request) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//PayStatus//Maintenance calendar//"
                + request.locale().getLanguage().toUpperCase(Locale.ROOT));
        String title = request.channel() == null
                ? messages.getMessage("calendar.title", null, request.locale())
                : messages.getMessage(
                        "calendar.channel.title",
                        new Object[] {request.channel().name(request.locale())},
                        request.locale());
        calendar.setName(title).setLanguage(languageTag(request.locale()));
        // the name most calendar apps read, before RFC 7986's NAME
        calendar.setExperimentalProperty("X-WR-CALNAME", title);
        String host = URI.create(request.base() + "/").getHost();
        request.snapshot().maintenances().stream()
                .filter(m -> request.channel() == null
                        || m.channels().contains(request.channel().slug()))
                .sorted(Comparator.comparing(MaintenanceRecord::startsAt).thenComparing(MaintenanceRecord::id))
                .map(m -> event(m, request, host))
                .forEach(calendar::addEvent);
        return foldToOctets(unfolded(calendar));
    }

    private static String unfolded(ICalendar calendar) {
        StringWriter out = new StringWriter();
        try (ICalWriter writer = new ICalWriter(out, ICalVersion.V2_0)) {
            // biweekly folds at 75 characters; RFC 5545 counts octets, which Chinese text triples
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            writer.write(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Folds each content line so that no physical line passes 75 octets of UTF-8 (RFC 5545 section
     * 3.1), never inside a character; a continuation line starts with one space.
     */
    static String foldToOctets(String text) {
        StringBuilder folded = new StringBuilder(text.length() + text.length() / 20);
        for (String line : text.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > LINE_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private VEvent event(MaintenanceRecord m, Request request, String host) {
        Locale locale = request.locale();
        VEvent event = new VEvent();
        event.setUid("maintenance-" + m.id() + "@" + (host == null ? "paystatus" : host));
        event.setSequence(m.updates().size());
        Instant revised = m.updates().stream()
                .map(MaintenanceRecord.Update::postedAt)
                .max(Comparator.naturalOrder())
                .filter(at -> at.isAfter(m.createdAt()))
                .orElse(m.createdAt());
        event.setDateTimeStamp(Date.from(revised));
        event.setLastModified(Date.from(revised));
        event.setCreated(Date.from(m.createdAt()));
        boolean cancelled = cancelled(m);
        Instant start = cancelled ? m.startsAt() : m.effectiveStart();
        Instant end = cancelled ? m.endsAt() : m.effectiveEnd();
        event.setDateStart(new DateStart(Date.from(start), true));
        event.setDateEnd(new DateEnd(Date.from(end), true));
        event.setStatus(cancelled ? Status.cancelled() : Status.confirmed());
        Summary summary = event.setSummary(messages.getMessage("calendar.summary", new Object[] {m.title()}, locale));
        summary.setLanguage(languageTag(locale));
        String affects = m.channels().stream()
                .map(slug -> request.snapshot()
                        .channel(slug)
                        .map(c -> c.name(locale))
                        .orElse(slug))
                .collect(Collectors.joining(messages.getMessage("list.separator", null, locale)));
        String link = request.base() + "/" + request.lang() + "#maintenance-" + m.id();
        event.setDescription(String.join(
                        "\n\n",
                        List.of(
                                m.message(),
                                messages.getMessage("calendar.affects", new Object[] {affects}, locale),
                                link)))
                .setLanguage(languageTag(locale));
        event.setUrl(link);
        event.setTransparency(false);
        return event;
    }

    /** Completed before it began, without being started: the window was called off. */
    static boolean cancelled(MaintenanceRecord m) {
        return m.completedAt() != null
                && m.startedAt() == null
                && !m.completedAt().isAfter(m.startsAt());
    }

    private static String languageTag(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
