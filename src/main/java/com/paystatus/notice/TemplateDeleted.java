package com.paystatus.notice;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;

/** A notice template was deleted; the audit keeps what it said. */
public record TemplateDeleted(NoticeTemplateRecord template) implements Auditable {

    @Override
    public Audited audited() {
        return Audited.of("template.delete", "template/" + template.id(), compare(template, null));
    }

    /** Each field that differs between the two; either may be null (created, deleted). */
    static AuditDetails compare(NoticeTemplateRecord before, NoticeTemplateRecord after) {
        return AuditDetails.none()
                .withChange("name", before == null ? null : before.name(), after == null ? null : after.name())
                .withChange("title", before == null ? null : before.title(), after == null ? null : after.title())
                .withChange(
                        "kind",
                        before == null ? null : before.kind().code(),
                        after == null ? null : after.kind().code())
                .withChange("message", before == null ? null : before.message(), after == null ? null : after.message())
                .withChange("titleEn", before == null ? null : before.titleEn(), after == null ? null : after.titleEn())
                .withChange(
                        "messageEn",
                        before == null ? null : before.messageEn(),
                        after == null ? null : after.messageEn())
                .withChange(
                        "channels", before == null ? null : before.channels(), after == null ? null : after.channels());
    }
}
