package com.paystatus.admin;

import com.paystatus.notice.NoticeTemplateRecord;
import java.util.LinkedHashMap;

/** The admin form for a notice template: a notice's fields and a name, without an estimate. */
public class TemplateForm extends NoticeForm {

    /** Checked by the template service, which also knows the names taken. */
    private String name;

    static TemplateForm of(NoticeTemplateRecord template) {
        TemplateForm form = new TemplateForm();
        form.name = template.name();
        form.fill(template);
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    static void copy(NoticeTemplateRecord template, NoticeForm form) {
        form.setTitle(template.title());
        form.setTitleEn(template.titleEn());
        form.setKind(template.kind().code());
        form.setMessage(template.message());
        form.setMessageEn(template.messageEn());
        form.setChannels(new LinkedHashMap<>(template.channels()));
    }

    private void fill(NoticeTemplateRecord template) {
        copy(template, this);
    }
}
