package com.paystatus.maintenance;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/**
 * A maintenance window ended: its channels come back from {@code maintenance}.
 *
 * @param due true when the scheduler put the planned end into effect, false when an operator completed
 *     it early
 * @param message what the operator said; null for a due end
 */
public record MaintenanceCompleted(MaintenanceRecord maintenance, String message, boolean due)
        implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return audited(maintenance, due, "maintenance.complete", "ended", message);
    }

    /** An operator's action under its own name; the scheduler's as {@code maintenance.due}, by the system. */
    static Audited audited(
            MaintenanceRecord maintenance, boolean due, String action, String transition, String message) {
        String target = "maintenance/" + maintenance.id();
        if (due) {
            return new Audited(
                    MaintenanceService.SCHEDULER,
                    "maintenance.due",
                    target,
                    AuditDetails.none().withNote("transition", target + " " + transition));
        }
        return Audited.of(action, target, AuditDetails.none().withNote("message", message));
    }
}
