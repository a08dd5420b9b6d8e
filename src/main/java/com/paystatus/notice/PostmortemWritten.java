package com.paystatus.notice;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;
import com.paystatus.shared.PublicChange;

/** The postmortem of a resolved notice was written or rewritten; the notice's page shows it. */
public record PostmortemWritten(NoticeRecord notice, String before) implements PublicChange, Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                "notice.postmortem",
                "notice/" + notice.id(),
                AuditDetails.none().withChange("postmortem", before, notice.postmortem()));
    }
}
