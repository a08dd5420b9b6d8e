package com.paystatus.notice;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;
import java.util.stream.Collectors;

/**
 * An update was posted to a notice: a new status, estimate or message, possibly resolving it.
 *
 * @param notifySubscribers false when the operator said subscribers need not hear about it
 */
public record NoticeUpdated(NoticeRecord before, NoticeRecord after, String message, boolean notifySubscribers)
        implements PublicChange, Auditable {

    public NoticeUpdated(NoticeRecord before, NoticeRecord after, String message) {
        this(before, after, message, true);
    }

    @Override
    public Audited audited() {
        return Audited.of(
                "notice.update",
                "notice/" + after.id(),
                AuditDetails.none()
                        .withChange(
                                "status", before.status().code(), after.status().code())
                        .withChange("estimatedRecoveryAt", before.estimatedRecoveryAt(), after.estimatedRecoveryAt())
                        .withNote("message", message));
    }

    /** "alipay=degraded, bank-card=unavailable". */
    static String channels(NoticeRecord notice) {
        return notice.channels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().code())
                .collect(Collectors.joining(", "));
    }
}
