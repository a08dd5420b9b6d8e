package com.paystatus.notice;

import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;

/** A notice template was added ({@code before} null) or replaced. Only operators see templates. */
public record TemplateSaved(NoticeTemplateRecord before, NoticeTemplateRecord after) implements Auditable {

    @Override
    public Audited audited() {
        return Audited.of(
                before == null ? "template.create" : "template.update",
                "template/" + after.id(),
                TemplateDeleted.compare(before, after));
    }
}
