package com.paystatus.admin;

import com.paystatus.report.ReportReadModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's view of user reports: per channel and symptom, by hour over the last 24 hours. */
@Controller
class AdminReportsController {

    private final ReportReadModel reports;

    AdminReportsController(ReportReadModel reports) {
        this.reports = reports;
    }

    @GetMapping("/admin/reports")
    String reports(Model model) {
        model.addAttribute("history", reports.history());
        model.addAttribute("spikes", reports.spikes());
        return "admin/reports";
    }
}
