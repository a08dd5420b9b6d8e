package com.paystatus.maintenance;

import com.paystatus.shared.Coded;
import com.paystatus.shared.CodedConverter;

/** What an operator did to a maintenance window after scheduling it. */
public enum MaintenanceAction implements Coded {
    STARTED_EARLY("started_early"),
    EXTENDED("extended"),
    COMPLETED_EARLY("completed_early");

    private final String code;

    MaintenanceAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static class Converter extends CodedConverter<MaintenanceAction> {
        Converter() {
            super(MaintenanceAction.class);
        }
    }
}
