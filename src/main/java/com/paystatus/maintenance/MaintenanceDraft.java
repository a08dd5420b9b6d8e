package com.paystatus.maintenance;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window as an operator schedules it, from the admin form or the admin API. Its text
 * limits are declared here once, for the rules and the pages' {@code maxlength}.
 */
public record MaintenanceDraft(String title, String message, List<String> channels, Instant startsAt, Instant endsAt) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_MESSAGE = 2000;
}
