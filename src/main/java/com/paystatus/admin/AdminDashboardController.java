package com.paystatus.admin;

import com.paystatus.channel.ChannelService;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.report.ReportReadModel;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator's overview: spikes of user reports that no open notice explains, every channel with
 * its state, and the open notices to keep honest.
 */
@Controller
class AdminDashboardController {

    private final ChannelService channels;
    private final NoticeService notices;
    private final ReportReadModel reports;
    private final Clock clock;
    private final NoticeTemplateService templates;

    AdminDashboardController(
            ChannelService channels,
            NoticeService notices,
            ReportReadModel reports,
            Clock clock,
            NoticeTemplateService templates) {
        this.channels = channels;
        this.notices = notices;
        this.reports = reports;
        this.clock = clock;
        this.templates = templates;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        var shown = notices.openOrResolvedSince(clock.instant().minus(Duration.ofDays(7)));
        model.addAttribute("channels", channels.all());
        // one tap from here to a template's form: posting under pressure takes few screens
        model.addAttribute("templates", templates.all());
        model.addAttribute(
                "openNotices", shown.stream().filter(NoticeRecord::isOpen).toList());
        model.addAttribute(
                "resolvedNotices", shown.stream().filter(n -> !n.isOpen()).toList());
        // spikes of user reports that no open notice explains yet: the operator may not know
        Set<String> explained = new HashSet<>();
        shown.stream()
                .filter(NoticeRecord::isOpen)
                .forEach(n -> explained.addAll(n.channels().keySet()));
        model.addAttribute(
                "reportSpikes",
                reports.spikes().stream()
                        .filter(s -> !explained.contains(s.channelSlug()))
                        .toList());
        return "admin/dashboard";
    }
}
