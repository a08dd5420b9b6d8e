package com.paystatus.maintenance;

import java.time.Instant;
import java.util.List;

/** A maintenance window as an operator schedules it, from the admin form or the admin API. */
public record MaintenanceDraft(String title, String message, List<String> channels, Instant startsAt, Instant endsAt) {}
