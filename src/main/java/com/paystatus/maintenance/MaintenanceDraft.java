package com.paystatus.maintenance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The command to schedule a maintenance window, the same record from the admin form and the admin
 * API. Its text limits are declared here once, for Bean Validation and the pages' {@code maxlength};
 * the window's rules (ahead, in order, within the horizon, on known channels) are the domain's.
 */
public record MaintenanceDraft(
        @NotBlank(message = "{validation.required}")
        @Size(max = MaintenanceDraft.MAX_TITLE, message = "{validation.tooLong}")
        String title,

        @NotBlank(message = "{validation.required}")
        @Size(max = MaintenanceDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String message,

        List<String> channels,
        Instant startsAt,
        Instant endsAt) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_MESSAGE = 2000;
}
