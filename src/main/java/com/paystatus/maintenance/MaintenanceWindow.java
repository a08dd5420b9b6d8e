package com.paystatus.maintenance;

import java.time.Instant;

/**
 * When a maintenance window really starts and ends, and so its status at any instant: the planned
 * times, moved by an early start or an early completion. The one place this is worked out.
 */
record MaintenanceWindow(Instant startsAt, Instant endsAt, Instant startedAt, Instant completedAt) {

    Instant effectiveStart() {
        return startedAt != null && startedAt.isBefore(startsAt) ? startedAt : startsAt;
    }

    Instant effectiveEnd() {
        return completedAt != null && completedAt.isBefore(endsAt) ? completedAt : endsAt;
    }

    MaintenanceStatus status(Instant now) {
        if (!now.isBefore(effectiveEnd())) {
            return MaintenanceStatus.COMPLETED;
        }
        if (!now.isBefore(effectiveStart())) {
            return MaintenanceStatus.IN_PROGRESS;
        }
        return MaintenanceStatus.SCHEDULED;
    }
}
