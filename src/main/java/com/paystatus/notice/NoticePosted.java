package com.paystatus.notice;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/** A notice was posted: the public sees it, and its channels' states, from now on. */
public record NoticePosted(NoticeRecord notice, String message) implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                "notice.post",
                "notice/" + notice.id(),
                AuditDetails.none()
                        .withValue("title", notice.title())
                        .withValue("titleEn", notice.titleEn())
                        .withValue("kind", notice.kind().code())
                        .withValue("status", notice.status().code())
                        .withValue("channels", NoticeUpdated.channels(notice))
                        .withValue("estimatedRecoveryAt", notice.estimatedRecoveryAt())
                        .withNote("message", message));
    }
}
