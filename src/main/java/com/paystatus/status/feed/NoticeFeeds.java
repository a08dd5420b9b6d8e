package com.paystatus.status.feed;

import com.paystatus.notice.NoticeRecord;
import com.paystatus.shared.LocalizedText;
import com.paystatus.shared.Markdown;
import com.paystatus.shared.TimeText;
import com.paystatus.shared.XmlText;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshot;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The notices of a status snapshot as a feed, with ROME: one entry per update (a notice posted, a
 * new status, a revised estimate, resolved), newest first, so that a feed reader shows every step.
 * Everything visible comes from the message bundles in the requested language. An update's message
 * goes out as the same sanitised HTML as on the pages ({@link Markdown}), never as the operator's
 * markup, in the feed's language where the operator wrote it (else the Chinese, marked {@code
 * lang="zh-CN"}); and no text holds a character XML cannot carry ({@link XmlText}).
 */
@Component
class NoticeFeeds {

    private final MessageSource messages;
    private final TimeText times;
    private final Markdown markdown;

    NoticeFeeds(MessageSource messages, TimeText times, Markdown markdown) {
        this.messages = messages;
        this.times = times;
        this.markdown = markdown;
    }

    /** What one feed is about: its title, its address, where it links to, and the notices in it. */
    record Request(
            StatusSnapshot snapshot,
            Locale locale,
            String baseUrl,
            String selfPath,
            String pagePath,
            String title,
            List<NoticeRecord> notices) {}

    /** Open notices and those resolved within the configured days, optionally only about one channel. */
    static List<NoticeRecord> notices(StatusSnapshot snapshot, ChannelView channel) {
        return Stream.concat(snapshot.openNotices().stream(), snapshot.recentlyResolved().stream())
                .filter(n -> channel == null || n.channels().containsKey(channel.slug()))
                .toList();
    }

    SyndFeed feed(Request r, String type) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(XmlText.legal(r.title()));
        feed.setDescription(messages.getMessage("feed.description", null, r.locale()));
        feed.setLanguage("en".equals(r.locale().getLanguage()) ? "en" : "zh-CN");
        feed.setUri(r.baseUrl() + r.selfPath());
        feed.setLink(r.baseUrl() + r.pagePath());
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(r.baseUrl() + r.pagePath());
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType(type.startsWith("atom") ? "application/atom+xml" : "application/rss+xml");
        self.setHref(r.baseUrl() + r.selfPath());
        feed.setLinks(List.of(alternate, self));
        feed.setAuthor(messages.getMessage("app.name", null, r.locale()));

        List<SyndEntry> entries = new ArrayList<>();
        for (NoticeRecord notice : r.notices()) {
            int number = notice.updates().size();
            for (NoticeRecord.Update update : notice.updates()) {
                entries.add(entry(notice, update, number--, r));
            }
        }
        entries.sort(Comparator.comparing(SyndEntry::getUpdatedDate).reversed());
        feed.setEntries(entries);
        feed.setPublishedDate(
                entries.isEmpty()
                        ? Date.from(r.snapshot().builtAt())
                        : entries.get(0).getUpdatedDate());
        return feed;
    }

    private SyndEntry entry(NoticeRecord notice, NoticeRecord.Update update, int number, Request r) {
        Locale locale = r.locale();
        String status = messages.getMessage("notice.status." + update.status().code(), null, locale);
        String kind = messages.getMessage("notice.kind." + notice.kind().code(), null, locale);
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(XmlText.legal(messages.getMessage(
                "feed.entry.title", new Object[] {status, notice.title(locale).text()}, locale)));
        String link = r.baseUrl() + "/notices/" + notice.id();
        entry.setLink(link);
        entry.setUri(link + "#update-" + number);
        entry.setAuthor(messages.getMessage("app.name", null, locale));
        Date at = Date.from(update.postedAt());
        entry.setPublishedDate(at);
        entry.setUpdatedDate(at);

        // HTML, as the pages show it: the words of the bundles escaped, the message through Markdown
        StringBuilder html = new StringBuilder();
        html.append("<p>")
                .append(HtmlUtils.htmlEscape(kind + " · " + status, "UTF-8"))
                .append("</p>\n");
        LocalizedText message = update.message(locale);
        if (message.lang() == null) {
            html.append(markdown.html(message.text()));
        } else {
            // the Chinese text in an English feed, marked as such
            html.append("<div lang=\"")
                    .append(message.lang())
                    .append("\">")
                    .append(markdown.html(message.text()))
                    .append("</div>");
        }
        if (update.status().isOpen()) {
            String estimate = update.estimatedRecoveryAt() != null
                    ? messages.getMessage(
                            "notice.estimateRevised",
                            new Object[] {times.time(update.estimatedRecoveryAt(), locale)},
                            locale)
                    : messages.getMessage("notice.estimateUnknown", null, locale);
            html.append("\n<p>").append(HtmlUtils.htmlEscape(estimate, "UTF-8")).append("</p>");
        }
        SyndContent content = new SyndContentImpl();
        content.setType("text/html");
        content.setValue(XmlText.legal(html.toString().strip()));
        entry.setContents(List.of(content));
        entry.setDescription(content);
        return entry;
    }
}
