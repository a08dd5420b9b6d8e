package com.paystatus.audit;

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
        Page<AuditRecord> entries = log.search(filter(zone, actor, action, target, from, to), page);
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
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditLog.Filter(actor, action, target, start, end);
    }
}
