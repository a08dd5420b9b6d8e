package com.paystatus.admin;

import com.paystatus.notice.NoticeDraft;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the notice page sends (blank channel choices, a local time or "unknown" ticked), turned into
 * the {@link NoticeDraft} command the API posts too; the constraints are the command's.
 */
public class NoticeForm extends EstimateForm {

    private String title;

    /** Optional; English readers get the Chinese title where it is blank. */
    private String titleEn;

    private String kind = "fault";

    private String message;

    private String messageEn;

    /** Channel slug to state code; blank means "not affected". */
    private Map<String, String> channels = new LinkedHashMap<>();

    NoticeDraft toDraft(ZoneId zone) {
        Map<String, String> affected = new LinkedHashMap<>();
        channels.forEach((slug, state) -> {
            if (state != null && !state.isBlank()) {
                affected.put(slug, state);
            }
        });
        return new NoticeDraft(title, titleEn, kind, message, messageEn, affected, null, estimate(zone));
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public void setMessageEn(String messageEn) {
        this.messageEn = messageEn;
    }

    public Map<String, String> getChannels() {
        return channels;
    }

    public void setChannels(Map<String, String> channels) {
        this.channels = channels;
    }
}
