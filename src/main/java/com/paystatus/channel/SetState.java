package com.paystatus.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The command to set a channel's own state, the same record from the admin dashboard and the admin
 * API. The reason's limit is declared here once, for Bean Validation and the page's {@code maxlength}.
 *
 * @param state a {@link ChannelState} code
 * @param reason why, shown in the channel's history
 */
public record SetState(
        String state,

        @NotBlank(message = "{validation.required}") @Size(max = SetState.MAX_REASON, message = "{validation.tooLong}")
        String reason) {

    public static final int MAX_REASON = 500;
}
