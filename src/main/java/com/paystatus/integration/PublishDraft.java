package com.paystatus.integration;

import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import jakarta.validation.constraints.Size;

/**
 * What the operator changed in the prefilled notice before publishing a proposal; every field may be
 * null for "as proposed". The notice's own rules apply to the result.
 */
public record PublishDraft(
        @Size(max = NoticeDraft.MAX_TITLE, message = "{validation.tooLong}")
        String title,

        String kind,

        @Size(max = NoticeDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String message,

        String state,
        Estimate estimatedRecoveryAt) {

    public static final PublishDraft AS_PROPOSED = new PublishDraft(null, null, null, null, null);
}
