package com.paystatus.report;

import com.paystatus.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 「我也遇到了」 without JavaScript: the card's form posts here and is redirected to the page that says
 * what is known ({@code status.ReportedPageController}), the same for everyone: it says nothing
 * about whether this browser's report counted.
 */
@Controller
class ReportPagesController {

    private final ReportService reports;

    ReportPagesController(ReportService reports) {
        this.reports = reports;
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
}
