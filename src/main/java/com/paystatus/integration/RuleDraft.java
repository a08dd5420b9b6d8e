package com.paystatus.integration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The command to add or change a rule, from the admin page and the API. Unknown channels, states
 * and templates are refused by {@link IntegrationRules}.
 *
 * @param matchers label name to the exact value it must have; at least one
 * @param autoPublishMinutes null for {@value #DEFAULT_AUTO_PUBLISH_MINUTES}
 * @param holdDownMinutes null for {@value #DEFAULT_HOLD_DOWN_MINUTES}
 */
public record RuleDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String name,

        @NotEmpty(message = "{validation.required}") @Size(max = 10, message = "{validation.integration.matchers}")
        Map<
                        @Size(max = 100, message = "{validation.tooLong}") String,
                        @Size(max = 200, message = "{validation.tooLong}") String>
                matchers,

        @NotBlank(message = "{validation.required}") String channel,
        @NotBlank(message = "{validation.required}") String state,
        Long templateId,
        Boolean autoPublish,

        @Min(value = 1, message = "{validation.integration.minutes}")
        @Max(value = 1440, message = "{validation.integration.minutes}")
        Integer autoPublishMinutes,

        Boolean requireReports,
        Boolean autoResolve,

        @Min(value = 1, message = "{validation.integration.minutes}")
        @Max(value = 1440, message = "{validation.integration.minutes}")
        Integer holdDownMinutes) {

    public static final int DEFAULT_AUTO_PUBLISH_MINUTES = 5;
    public static final int DEFAULT_HOLD_DOWN_MINUTES = 10;
}
