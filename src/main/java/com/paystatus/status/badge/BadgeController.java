package com.paystatus.status.badge;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.NotFoundException;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /badge.svg} (every channel) and {@code /badge/{slug}.svg} (one channel), from the status
 * snapshot, in the requested language ({@code ?lang=en}; Chinese by default). The public page cache
 * keeps them and sets their caching headers.
 */
@Controller
class BadgeController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final StatusSnapshots snapshots;
    private final MessageSource messages;

    BadgeController(StatusSnapshots snapshots, MessageSource messages) {
        this.snapshots = snapshots;
        this.messages = messages;
    }

    @GetMapping("/badge.svg")
    ResponseEntity<String> overall(Locale locale) {
        StatusSnapshot snapshot = snapshots.current();
        int affected = snapshot.affectedChannels().size();
        String message = affected == 0
                ? messages.getMessage("badge.overall.ok", null, locale)
                : messages.getMessage("badge.overall.affected", new Object[] {affected}, locale);
        return svg(messages.getMessage("badge.label", null, locale), message, snapshot.worstState());
    }

    @GetMapping("/badge/{slug}.svg")
    ResponseEntity<String> channel(@PathVariable String slug, Locale locale) {
        ChannelView channel = snapshots
                .current()
                .channel(slug)
                .orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        String state = messages.getMessage("channel.state." + channel.state().code(), null, locale);
        return svg(channel.name(locale), state, channel.state());
    }

    private static ResponseEntity<String> svg(String label, String message, ChannelState state) {
        return ResponseEntity.ok().contentType(SVG).body(BadgeSvg.render(label, message, state));
    }
}
