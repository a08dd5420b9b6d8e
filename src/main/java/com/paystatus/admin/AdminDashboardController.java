package com.paystatus.admin;

import com.paystatus.channel.ChannelService;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator's overview: every channel with its state, and the open notices to keep honest. */
@Controller
class AdminDashboardController {

    private final ChannelService channels;
    private final NoticeService notices;
    private final Clock clock;

    AdminDashboardController(ChannelService channels, NoticeService notices, Clock clock) {
        this.channels = channels;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        var shown = notices.openOrResolvedSince(clock.instant().minus(Duration.ofDays(7)));
        model.addAttribute("channels", channels.all());
        model.addAttribute(
                "openNotices", shown.stream().filter(NoticeRecord::isOpen).toList());
        model.addAttribute(
                "resolvedNotices", shown.stream().filter(n -> !n.isOpen()).toList());
        return "admin/dashboard";
    }
}
