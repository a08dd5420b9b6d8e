package com.paystatus.maintenance;

import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/**
 * A maintenance window began: its channels are in {@code maintenance} from now on.
 *
 * @param due true when the scheduler put a planned start into effect, false when an operator started
 *     it early
 * @param message what the operator said; null for a due start
 */
public record MaintenanceStarted(MaintenanceRecord maintenance, String message, boolean due)
        implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return MaintenanceCompleted.audited(maintenance, due, "maintenance.start", "started", message);
    }
}
