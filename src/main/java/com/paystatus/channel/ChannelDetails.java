package com.paystatus.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an operator writes about a channel when adding or editing it, in the admin form and the admin
 * API alike. The group is named in both languages and created when it does not exist yet.
 */
public record ChannelDetails(
        @NotBlank(message = "{validation.required}") @Size(max = MAX_NAME, message = "{validation.tooLong}")
        String nameZh,

        @NotBlank(message = "{validation.required}") @Size(max = MAX_NAME, message = "{validation.tooLong}")
        String nameEn,

        @Size(max = MAX_DESCRIPTION, message = "{validation.tooLong}")
        String descriptionZh,

        @Size(max = MAX_DESCRIPTION, message = "{validation.tooLong}")
        String descriptionEn,

        @NotBlank(message = "{validation.required}") @Size(max = MAX_GROUP, message = "{validation.tooLong}")
        String groupZh,

        @NotBlank(message = "{validation.required}") @Size(max = MAX_GROUP, message = "{validation.tooLong}")
        String groupEn,

        @Min(value = 0, message = "{validation.displayOrder}") @Max(value = 9999, message = "{validation.displayOrder}")
        int displayOrder,

        List<String> alternatives) {

    /** A channel's slug, given beside the details when it is added: it names its page forever. */
    public static final int MAX_SLUG = 40;

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_GROUP = 60;

    public List<String> alternativesOrEmpty() {
        return alternatives == null
                ? List.of()
                : alternatives.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
    }
}
