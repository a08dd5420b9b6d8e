package com.paystatus.maintenance;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;
import java.time.Instant;

/** A maintenance window's end was moved later. */
public record MaintenanceExtended(MaintenanceRecord maintenance, Instant endsBefore, String message)
        implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                "maintenance.extend",
                "maintenance/" + maintenance.id(),
                AuditDetails.none()
                        .withChange("endsAt", endsBefore, maintenance.endsAt())
                        .withNote("message", message));
    }
}
