package com.paystatus.maintenance;

import com.paystatus.shared.Coded;

/**
 * Where a maintenance window stands. Never stored: derived from the window and the operator's
 * actions (start early, extend, complete early) at a given instant.
 */
public enum MaintenanceStatus implements Coded {
    SCHEDULED("scheduled"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String code;

    MaintenanceStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
