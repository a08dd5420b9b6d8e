package com.paystatus.audit;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins browse and filter the audit log. Read only, by design: there is no way to edit or delete. */
@Controller
class AuditController {

    private final AuditLog log;
    private final ZoneId zone;

    AuditController(AuditLog log, PayStatusProperties properties) {
        this.log = log;
        this.zone = properties.zone();
    }

    @GetMapping("/admin/audit")
    String page(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<AuditRecord> entries;
        try {
            entries = log.search(
                    filter(zone, actor, action, target, from, to), Math.max(0, Math.min(page, AuditLog.MAX_PAGE)));
        } catch (InvalidInputException e) {
            entries = Page.empty();
            model.addAttribute("filterError", e.violations().get(0));
        }
        model.addAttribute("entries", entries);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "admin/audit";
    }

    static AuditLog.Filter filter(
            ZoneId zone, String actor, String action, String target, LocalDate from, LocalDate to) {
        checkDay("from", from);
        checkDay("to", to);
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditLog.Filter(actor, action, target, start, end);
    }

    /** Days outside 1970–9998 find nothing and may not fit the database's timestamps: refused. */
    private static void checkDay(String field, LocalDate day) {
        if (day != null && (day.getYear() < 1970 || day.getYear() > 9998)) {
            throw new InvalidInputException(field, "validation.instantRange", day);
        }
    }
}
