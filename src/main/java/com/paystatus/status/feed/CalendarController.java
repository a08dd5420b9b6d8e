package com.paystatus.status.feed;

import com.paystatus.shared.PageLinks;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /maintenance.ics} and {@code /channels/{slug}/maintenance.ics}: the maintenance windows as a
 * calendar to subscribe to, from the status snapshot (see {@link MaintenanceCalendar}); {@code
 * ?lang=en} gives it in English.
 */
@Controller
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final StatusSnapshots snapshots;
    private final MaintenanceCalendar calendar;
    private final PageLinks links;
    private final MessageSource messages;

    CalendarController(
            StatusSnapshots snapshots, MaintenanceCalendar calendar, PageLinks links, MessageSource messages) {
        this.snapshots = snapshots;
        this.calendar = calendar;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/maintenance.ics")
    ResponseEntity<String> all(HttpServletRequest http, Locale locale) {
        return render(snapshots.current(), http, locale, null);
    }

    @GetMapping("/channels/{slug}/maintenance.ics")
    ResponseEntity<String> channel(@PathVariable String slug, HttpServletRequest http, Locale locale) {
        StatusSnapshot snapshot = snapshots.current();
        ChannelView channel = snapshot.channel(slug).orElse(null);
        if (channel == null) {
            // A plain answer, as for the feeds: an HTML error page would be served as a calendar.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(messages.getMessage("error.channelNotFound", new Object[] {slug}, locale));
        }
        return render(snapshot, http, locale, channel);
    }

    private ResponseEntity<String> render(
            StatusSnapshot snapshot, HttpServletRequest http, Locale locale, ChannelView channel) {
        String lang = "en".equals(locale.getLanguage()) ? "?lang=en" : "";
        String body = calendar.write(
                new MaintenanceCalendar.Request(snapshot, locale, links.absolute(http, ""), lang, channel));
        return ResponseEntity.ok().contentType(CALENDAR).body(body);
    }
}
