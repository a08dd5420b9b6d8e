package com.paystatus.status.api;

import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.shared.PageLinks;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.status.api.StatuspageDocuments.ComponentsDocument;
import com.paystatus.status.api.StatuspageDocuments.IncidentsDocument;
import com.paystatus.status.api.StatuspageDocuments.MaintenancesDocument;
import com.paystatus.status.api.StatuspageDocuments.StatusDocument;
import com.paystatus.status.api.StatuspageDocuments.Summary;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statuspage's public API v2 at the same paths, read from the status snapshot. Open to every origin
 * for GET (see the security configuration) and kept by the public page cache, which says how long
 * it may be cached and that it varies by language, so that a surge of widgets and bots during an
 * outage costs almost nothing. {@code ?lang=en} switches names and descriptions to English; so may
 * the browser's language.
 */
@RestController
@RequestMapping("/api/v2")
class StatuspageApiController {

    private final StatusSnapshots snapshots;
    private final StatuspageMapper mapper;
    private final PageLinks links;
    private final Clock clock;

    StatuspageApiController(StatusSnapshots snapshots, StatuspageMapper mapper, PageLinks links, Clock clock) {
        this.snapshots = snapshots;
        this.mapper = mapper;
        this.links = links;
        this.clock = clock;
    }

    private StatuspageMapper.Request request(HttpServletRequest http, Locale locale) {
        return new StatuspageMapper.Request(snapshots.current(), clock.instant(), locale, links.absolute(http, ""));
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().body(body);
    }

    @GetMapping("/summary.json")
    ResponseEntity<Summary> summary(HttpServletRequest http, Locale locale) {
        return ok(mapper.summary(request(http, locale)));
    }

    @GetMapping("/status.json")
    ResponseEntity<StatusDocument> status(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new StatusDocument(mapper.page(r), mapper.status(r)));
    }

    @GetMapping("/components.json")
    ResponseEntity<ComponentsDocument> components(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new ComponentsDocument(mapper.page(r), mapper.components(r)));
    }

    @GetMapping("/incidents.json")
    ResponseEntity<IncidentsDocument> incidents(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new IncidentsDocument(mapper.page(r), mapper.incidents(r)));
    }

    @GetMapping("/incidents/unresolved.json")
    ResponseEntity<IncidentsDocument> unresolved(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new IncidentsDocument(mapper.page(r), mapper.unresolvedIncidents(r)));
    }

    @GetMapping("/scheduled-maintenances.json")
    ResponseEntity<MaintenancesDocument> maintenances(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new MaintenancesDocument(mapper.page(r), mapper.maintenances(r)));
    }

    @GetMapping("/scheduled-maintenances/upcoming.json")
    ResponseEntity<MaintenancesDocument> upcoming(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new MaintenancesDocument(mapper.page(r), mapper.maintenances(r, MaintenanceStatus.SCHEDULED)));
    }

    @GetMapping("/scheduled-maintenances/active.json")
    ResponseEntity<MaintenancesDocument> active(HttpServletRequest http, Locale locale) {
        var r = request(http, locale);
        return ok(new MaintenancesDocument(mapper.page(r), mapper.maintenances(r, MaintenanceStatus.IN_PROGRESS)));
    }
}
