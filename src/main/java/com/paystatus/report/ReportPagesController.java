package com.paystatus.report;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.NotFoundException;
import com.paystatus.status.ChannelView;
import com.paystatus.status.StatusSnapshots;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 「我也遇到了」 without JavaScript: the card's form posts here and is redirected to a page that says
 * what is known. That page is the same for everyone (the page cache keeps it per channel, language,
 * revision and minute): it says nothing about whether this browser's report counted.
 */
@Controller
class ReportPagesController {

    private final ReportService reports;
    private final StatusSnapshots snapshots;
    private final ReportReadModel figures;

    ReportPagesController(ReportService reports, StatusSnapshots snapshots, ReportReadModel figures) {
        this.reports = reports;
        this.snapshots = snapshots;
        this.figures = figures;
    }

    @PostMapping("/channels/{slug}/reports")
    String report(
            @PathVariable String slug,
            @RequestParam(required = false) String symptom,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            ReportService.Taken taken =
                    reports.report(slug, symptom, ReportCookies.read(request, slug), request.getRemoteAddr());
            ReportCookies.set(request, response, slug, taken, reports.cookieSeconds());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("slug", slug);
            return "reports/invalid";
        }
        return "redirect:/channels/" + slug + "/reported" + ("en".equals(locale.getLanguage()) ? "?lang=en" : "");
    }

    @GetMapping("/channels/{slug}/reported")
    String reported(@PathVariable String slug, Model model) {
        ChannelView channel = snapshots
                .current()
                .channel(slug)
                .orElseThrow(() -> new NotFoundException("error.channelNotFound", slug));
        model.addAttribute("status", snapshots.current());
        model.addAttribute("after", new AfterReport(channel, figures.of(slug)));
        return "reports/reported";
    }
}
