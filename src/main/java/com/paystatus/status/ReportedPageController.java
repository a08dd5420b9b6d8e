package com.paystatus.status;

import com.paystatus.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a report without JavaScript is redirected to: what is known about the channel now. It is
 * a public page like the others (kept by the page cache per channel, language, revision and minute),
 * read from the snapshot and the user reports' figures.
 */
@Controller
class ReportedPageController {

    private final StatusSnapshots snapshots;
    private final UserReports reports;

    ReportedPageController(StatusSnapshots snapshots, ObjectProvider<UserReports> reports) {
        this.snapshots = snapshots;
        this.reports = reports.getIfAvailable(() -> UserReports.NONE);
    }

    @GetMapping("/channels/{slug}/reported")
    String reported(@PathVariable String slug, Model model) {
        StatusSnapshot status = snapshots.current();
        ChannelView channel =
                status.channel(slug).orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        model.addAttribute("status", status);
        model.addAttribute("after", new AfterReport(channel, reports.of(slug)));
        return "reports/reported";
    }
}
