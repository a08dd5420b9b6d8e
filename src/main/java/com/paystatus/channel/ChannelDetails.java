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
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String nameZh,

        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String nameEn,

        @Size(max = 200, message = "{validation.tooLong}") String descriptionZh,
        @Size(max = 200, message = "{validation.tooLong}") String descriptionEn,

        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String groupZh,

        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String groupEn,

        @Min(value = 0, message = "{validation.displayOrder}") @Max(value = 9999, message = "{validation.displayOrder}")
        int displayOrder,

        List<String> alternatives) {

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
