package com.paystatus.status.feed;

import com.paystatus.shared.PageLinks;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /history.atom}, {@code /history.rss} and one Atom feed per channel, from the status
 * snapshot. {@code ?lang=en} gives the English feed.
 */
@Controller
class FeedController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final StatusSnapshots snapshots;
    private final NoticeFeeds feeds;
    private final PageLinks links;
    private final MessageSource messages;

    FeedController(StatusSnapshots snapshots, NoticeFeeds feeds, PageLinks links, MessageSource messages) {
        this.snapshots = snapshots;
        this.feeds = feeds;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/history.atom")
    ResponseEntity<String> historyAtom(HttpServletRequest http, Locale locale) {
        return render(history(http, locale, "/history.atom"), "atom_1.0", ATOM);
    }

    @GetMapping("/history.rss")
    ResponseEntity<String> historyRss(HttpServletRequest http, Locale locale) {
        return render(history(http, locale, "/history.rss"), "rss_2.0", RSS);
    }

    @GetMapping("/channels/{slug}.atom")
    ResponseEntity<String> channelAtom(@PathVariable String slug, HttpServletRequest http, Locale locale) {
        StatusSnapshot snapshot = snapshots.current();
        ChannelView channel = snapshot.channel(slug).orElse(null);
        if (channel == null) {
            // A plain answer: an HTML error page would be served under the feed's media type.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                    .body(messages.getMessage("error.channelNotFound", new Object[] {slug}, locale));
        }
        String lang = langQuery(locale);
        var request = new NoticeFeeds.Request(
                snapshot,
                locale,
                links.absolute(http, ""),
                "/channels/" + slug + ".atom" + lang,
                "/channels/" + slug + lang,
                messages.getMessage("feed.channel.title", new Object[] {channel.name(locale)}, locale),
                NoticeFeeds.notices(snapshot, channel));
        return render(request, "atom_1.0", ATOM);
    }

    private NoticeFeeds.Request history(HttpServletRequest http, Locale locale, String path) {
        StatusSnapshot snapshot = snapshots.current();
        String lang = langQuery(locale);
        return new NoticeFeeds.Request(
                snapshot,
                locale,
                links.absolute(http, ""),
                path + lang,
                "/" + lang,
                messages.getMessage("feed.history.title", null, locale),
                NoticeFeeds.notices(snapshot, null));
    }

    private ResponseEntity<String> render(NoticeFeeds.Request request, String type, MediaType mediaType) {
        try {
            String xml = new SyndFeedOutput().outputString(feeds.feed(request, type));
            return ResponseEntity.ok().contentType(mediaType).body(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + type + " feed", e);
        }
    }

    private static String langQuery(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "?lang=en" : "";
    }
}
