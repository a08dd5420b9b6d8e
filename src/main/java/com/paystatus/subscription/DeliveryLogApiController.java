package com.paystatus.subscription;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/notices/{id}/deliveries}: the notice's delivery log, as on its admin page. */
@RestController
class DeliveryLogApiController {

    private final DeliveryLog log;

    DeliveryLogApiController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/admin/notices/{id}/deliveries")
    List<DeliveryLog.Entry> deliveries(@PathVariable long id) {
        return log.forNotice(id);
    }
}
