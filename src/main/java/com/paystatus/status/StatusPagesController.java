package com.paystatus.status;

import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.LanguageTag;
import com.paystatus.shared.NotFoundException;
import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the board, and one stable page per channel and per notice for sharing. */
@Controller
class StatusPagesController {

    private final StatusSnapshots snapshots;
    private final NoticeService notices;
    private final PageLinks links;
    private final PayStatusProperties properties;
    private final LiveUpdates live;
    private final Clock clock;
    private final SupportReply replies;
    private final QrCodes qrCodes;
    private final MessageSource messages;

    StatusPagesController(
            StatusSnapshots snapshots,
            NoticeService notices,
            PageLinks links,
            PayStatusProperties properties,
            LiveUpdates live,
            Clock clock,
            SupportReply replies,
            QrCodes qrCodes,
            MessageSource messages) {
        this.snapshots = snapshots;
        this.notices = notices;
        this.links = links;
        this.properties = properties;
        this.live = live;
        this.clock = clock;
        this.replies = replies;
        this.qrCodes = qrCodes;
        this.messages = messages;
    }

    /** How many of an open notice's updates the board shows, newest first; its title links to them all. */
    static final int BOARD_UPDATES = 5;

    /** These pages ask for the revision (js/live.js) and update in place when it moves. */
    @ModelAttribute("livePollSeconds")
    int livePollSeconds() {
        return live.pollSeconds();
    }

    /** The revision the page is rendered at: the script fetches the page again once it moves past it. */
    @ModelAttribute("liveRevision")
    long liveRevision() {
        return snapshots.current().revision();
    }

    @GetMapping("/")
    String board(Model model, HttpServletRequest request, Locale locale) {
        StatusSnapshot status = snapshots.current().withLatestUpdates(BOARD_UPDATES);
        model.addAttribute(
                "og",
                new OpenGraph(
                        messages.getMessage("app.name", null, locale),
                        summary(status, locale),
                        links.absolute(request, "/")));
        model.addAttribute("status", status);
        Instant now = clock.instant();
        model.addAttribute("now", now);
        model.addAttribute(
                "maintenances",
                status.maintenances().stream()
                        .filter(m -> m.status(now) != MaintenanceStatus.COMPLETED)
                        .toList());
        Map<String, UptimeView> uptime = new HashMap<>();
        status.channels().keySet().forEach(slug -> uptime.put(slug, bars(status, slug, now)));
        model.addAttribute("uptime", uptime);
        model.addAttribute("coming", WhatInstead.coming(status, now));
        model.addAttribute("upcoming", WhatInstead.nextPerChannel(status, now));
        // A bounded page: a long run of small incidents must not make the board heavy to render or read.
        List<NoticeRecord> resolved =
                status.resolvedSince(clock.instant().minus(Duration.ofDays(properties.recentDays())));
        int shown = Math.min(resolved.size(), properties.frontPageResolved());
        model.addAttribute("recentlyResolved", resolved.subList(0, shown));
        model.addAttribute("moreResolved", resolved.size() - shown);
        return "index";
    }

    @GetMapping("/channels/{slug}")
    String channel(@PathVariable String slug, Model model, HttpServletRequest request, Locale locale) {
        StatusSnapshot status = snapshots.current();
        ChannelView channel =
                status.channel(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("bars", bars(status, slug, clock.instant()));
        model.addAttribute("upcoming", WhatInstead.nextPerChannel(status, clock.instant()));
        String shareUrl = links.absolute(request, "/channels/" + slug);
        model.addAttribute("shareUrl", shareUrl);
        model.addAttribute("qrPath", "/channels/" + slug + "/qr.png");
        model.addAttribute("replyZh", replies.forChannel(channel, status, shareUrl, LanguageTag.CHINESE));
        model.addAttribute("replyEn", replies.forChannel(channel, status, shareUrl, Locale.ENGLISH));
        model.addAttribute(
                "og",
                new OpenGraph(
                        channel.name(locale) + " · "
                                + messages.getMessage(
                                        "channel.state." + channel.state().code(), null, locale),
                        replies.forChannel(channel, status, "", locale),
                        shareUrl));
        return "channels/show";
    }

    /** 「所有支付通道正常」, or 「2 个支付通道受影响：分付 · 线上购物、分付 · 线下扫码」. */
    private String summary(StatusSnapshot status, Locale locale) {
        List<ChannelView> affected = status.affectedChannels();
        if (affected.isEmpty()) {
            return messages.getMessage("overall.allAvailable", null, locale);
        }
        String names = String.join(
                messages.getMessage("reply.separator", null, locale),
                affected.stream().map(c -> c.name(locale)).toList());
        return messages.getMessage("overall.affected.list", new Object[] {affected.size(), names}, locale);
    }

    private UptimeView bars(StatusSnapshot status, String slug, Instant now) {
        return UptimeView.of(status.uptime(slug, properties.zone(), now, StatusSnapshot.UPTIME_DAYS));
    }

    @GetMapping("/notices/{id}")
    String notice(@PathVariable long id, Model model, HttpServletRequest request, Locale locale) {
        StatusSnapshot status = snapshots.current();
        // Notices older than the front page's window are rare reads; they come from the database.
        NoticeRecord notice = status.notice(id).orElseGet(() -> notices.get(id));
        model.addAttribute("status", status);
        model.addAttribute("notice", notice);
        model.addAttribute("alternatives", WhatInstead.alternatives(notice.channels(), status));
        String shareUrl = links.absolute(request, "/notices/" + id);
        model.addAttribute("shareUrl", shareUrl);
        model.addAttribute("qrPath", "/notices/" + id + "/qr.png");
        model.addAttribute("replyZh", replies.forNotice(notice, status, shareUrl, LanguageTag.CHINESE));
        model.addAttribute("replyEn", replies.forNotice(notice, status, shareUrl, Locale.ENGLISH));
        model.addAttribute(
                "og",
                new OpenGraph(notice.title(locale).text(), replies.forNotice(notice, status, "", locale), shareUrl));
        return "notices/show";
    }

    @GetMapping(value = "/channels/{slug}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> channelQr(@PathVariable String slug, HttpServletRequest request) {
        snapshots.current().channel(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        return qr(links.absolute(request, "/channels/" + slug));
    }

    @GetMapping(value = "/notices/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> noticeQr(@PathVariable long id, HttpServletRequest request) {
        if (snapshots.current().notice(id).isEmpty()) {
            notices.get(id); // a 404 for a notice that never was
        }
        return qr(links.absolute(request, "/notices/" + id));
    }

    private ResponseEntity<byte[]> qr(String url) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(MediaType.IMAGE_PNG)
                .body(qrCodes.png(url));
    }
}
