package com.paystatus.maintenance;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The command to move a window's planned end, the same record from the admin page and the admin API.
 * The message is optional; the new end's rules (ahead, after the start, within the horizon) are the
 * window's.
 */
public record ExtendMaintenance(
        Instant endsAt,

        @Size(max = MaintenanceDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String message) {}
