package com.paystatus.status;

import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.NotFoundException;
import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    StatusPagesController(
            StatusSnapshots snapshots,
            NoticeService notices,
            PageLinks links,
            PayStatusProperties properties,
            LiveUpdates live,
            Clock clock) {
        this.snapshots = snapshots;
        this.notices = notices;
        this.links = links;
        this.properties = properties;
        this.live = live;
        this.clock = clock;
    }

    /** These pages ask for themselves again (js/live.js) and update in place when they change. */
    @ModelAttribute("livePollSeconds")
    int livePollSeconds() {
        return live.pollSeconds();
    }

    @GetMapping("/")
    String board(Model model) {
        StatusSnapshot status = snapshots.current();
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
        model.addAttribute(
                "recentlyResolved",
                status.resolvedSince(clock.instant().minus(Duration.ofDays(properties.recentDays()))));
        return "index";
    }

    @GetMapping("/channels/{slug}")
    String channel(@PathVariable String slug, Model model, HttpServletRequest request) {
        StatusSnapshot status = snapshots.current();
        ChannelView channel =
                status.channel(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("bars", bars(status, slug, clock.instant()));
        model.addAttribute("shareUrl", links.absolute(request, "/channels/" + slug));
        return "channels/show";
    }

    private UptimeView bars(StatusSnapshot status, String slug, Instant now) {
        return UptimeView.of(status.uptime(slug, properties.zone(), now, StatusSnapshot.UPTIME_DAYS));
    }

    @GetMapping("/notices/{id}")
    String notice(@PathVariable long id, Model model, HttpServletRequest request) {
        StatusSnapshot status = snapshots.current();
        // Notices older than the front page's window are rare reads; they come from the database.
        NoticeRecord notice = status.notice(id).orElseGet(() -> notices.get(id));
        model.addAttribute("status", status);
        model.addAttribute("notice", notice);
        model.addAttribute("shareUrl", links.absolute(request, "/notices/" + id));
        return "notices/show";
    }
}
