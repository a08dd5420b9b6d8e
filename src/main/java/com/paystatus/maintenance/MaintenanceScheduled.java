package com.paystatus.maintenance;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/** A maintenance window was scheduled; the public sees it announced from now on. */
public record MaintenanceScheduled(MaintenanceRecord maintenance) implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                "maintenance.schedule",
                "maintenance/" + maintenance.id(),
                AuditDetails.none()
                        .withValue("title", maintenance.title())
                        .withValue("channels", String.join(", ", maintenance.channels()))
                        .withValue("startsAt", maintenance.startsAt())
                        .withValue("endsAt", maintenance.endsAt())
                        .withNote("message", maintenance.message()));
    }
}
