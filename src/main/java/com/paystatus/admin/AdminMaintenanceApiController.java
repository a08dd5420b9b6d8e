package com.paystatus.admin;

import com.paystatus.maintenance.ExtendMaintenance;
import com.paystatus.maintenance.MaintenanceDraft;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceService;
import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for maintenance windows: schedule, then start early, extend or complete early. */
@RestController
@RequestMapping("/api/admin/maintenances")
class AdminMaintenanceApiController {

    private final MaintenanceService maintenances;
    private final ZoneId zone;
    private final Clock clock;

    AdminMaintenanceApiController(MaintenanceService maintenances, PayStatusProperties properties, Clock clock) {
        this.maintenances = maintenances;
        this.zone = properties.zone();
        this.clock = clock;
    }

    record ActionRequest(String message) {}

    record UpdateJson(String action, String message, String postedAt, String postedBy) {}

    record MaintenanceJson(
            long id,
            String title,
            String message,
            String status,
            List<String> channels,
            String startsAt,
            String endsAt,
            String startedAt,
            String completedAt,
            String createdAt,
            String createdBy,
            List<UpdateJson> updates) {}

    @PostMapping
    ResponseEntity<MaintenanceJson> schedule(
            @Valid @RequestBody MaintenanceDraft body, BindingResult result, Principal actor) throws BindException {
        Commands.refuseIfInvalid(result, () -> maintenances.check(body));
        MaintenanceRecord maintenance = maintenances.schedule(body, actor.getName());
        return ResponseEntity.created(URI.create("/api/admin/maintenances/" + maintenance.id()))
                .body(json(maintenance));
    }

    /** Windows to come or under way, and those completed in the last 30 days. */
    @GetMapping
    List<MaintenanceJson> list() {
        return maintenances.currentOrEndedSince(clock.instant().minus(Duration.ofDays(30))).stream()
                .map(this::json)
                .toList();
    }

    @GetMapping("/{id}")
    MaintenanceJson get(@PathVariable long id) {
        return json(maintenances.get(id));
    }

    @PostMapping("/{id}/start")
    MaintenanceJson start(@PathVariable long id, @RequestBody(required = false) ActionRequest body, Principal actor) {
        return json(maintenances.startEarly(id, body == null ? null : body.message(), actor.getName()));
    }

    @PostMapping("/{id}/extend")
    MaintenanceJson extend(
            @PathVariable long id, @Valid @RequestBody ExtendMaintenance body, BindingResult result, Principal actor)
            throws BindException {
        Commands.refuseIfInvalid(result, List::of);
        return json(maintenances.extend(id, body, actor.getName()));
    }

    @PostMapping("/{id}/complete")
    MaintenanceJson complete(
            @PathVariable long id, @RequestBody(required = false) ActionRequest body, Principal actor) {
        return json(maintenances.completeEarly(id, body == null ? null : body.message(), actor.getName()));
    }

    private MaintenanceJson json(MaintenanceRecord m) {
        return new MaintenanceJson(
                m.id(),
                m.title(),
                m.message(),
                m.status(clock.instant()).code(),
                m.channels(),
                ApiTimes.format(m.startsAt(), zone),
                ApiTimes.format(m.endsAt(), zone),
                ApiTimes.format(m.startedAt(), zone),
                ApiTimes.format(m.completedAt(), zone),
                ApiTimes.format(m.createdAt(), zone),
                m.createdBy(),
                m.updates().stream()
                        .map(u -> new UpdateJson(
                                u.action().code(), u.message(), ApiTimes.format(u.postedAt(), zone), u.postedBy()))
                        .toList());
    }
}
