package com.paystatus.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The command to post an update to a notice (resolving it included), the same record from the admin
 * form and the admin API.
 *
 * @param status a {@link NoticeStatus} code
 * @param messageEn the English message, optional
 * @param estimatedRecoveryAt the revised estimate; null when not said, which an open status refuses
 * @param version the notice's version the operator saw, or null to skip the check
 * @param notifySubscribers false for an update subscribers need not hear about (a typo fixed); null
 *     means true
 */
public record UpdateDraft(
        String status,

        @NotBlank(message = "{validation.required}")
        @Size(max = NoticeDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String message,

        @Size(max = NoticeDraft.MAX_MESSAGE, message = "{validation.tooLong}")
        String messageEn,

        Estimate estimatedRecoveryAt,
        Long version,
        Boolean notifySubscribers) {

    public UpdateDraft(String status, String message, Estimate estimatedRecoveryAt, Long version) {
        this(status, message, null, estimatedRecoveryAt, version, null);
    }

    /** An update in Chinese only. */
    public UpdateDraft(
            String status, String message, Estimate estimatedRecoveryAt, Long version, Boolean notifySubscribers) {
        this(status, message, null, estimatedRecoveryAt, version, notifySubscribers);
    }

    /** Whether subscribers hear about this update: unless the operator unticked it. */
    public boolean notifies() {
        return notifySubscribers == null || notifySubscribers;
    }
}
