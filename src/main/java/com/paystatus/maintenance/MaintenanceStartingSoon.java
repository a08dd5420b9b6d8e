package com.paystatus.maintenance;

import java.time.Duration;

/**
 * A maintenance window starts within the hour: published once per window by the scheduler, for
 * subscribers to hear it ahead. Not a public change (the page already shows the window), so it bumps
 * no revision and writes no audit entry.
 *
 * @param startsIn how long before the planned start it was published (at most {@link #LEAD})
 */
public record MaintenanceStartingSoon(MaintenanceRecord maintenance, Duration startsIn) {

    /** How long before its start a window is announced. */
    public static final Duration LEAD = Duration.ofMinutes(60);
}
