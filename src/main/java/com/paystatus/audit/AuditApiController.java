package com.paystatus.audit;

import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over the admin API, newest first, 50 to a page, with the page's filters. Admins only. */
@RestController
class AuditApiController {

    private final AuditLog log;
    private final ZoneId zone;

    AuditApiController(AuditLog log, PayStatusProperties properties) {
        this.log = log;
        this.zone = properties.zone();
    }

    record EntryJson(
            long id,
            String occurredAt,
            String actor,
            String address,
            String action,
            String target,
            AuditDetails details) {}

    @GetMapping("/api/admin/audit")
    List<EntryJson> api(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        return log.search(AuditController.filter(zone, actor, action, target, from, to), page).stream()
                .map(e -> new EntryJson(
                        e.id(),
                        ApiTimes.format(e.occurredAt(), zone),
                        e.actor(),
                        e.address(),
                        e.action(),
                        e.target(),
                        e.details()))
                .toList();
    }
}
