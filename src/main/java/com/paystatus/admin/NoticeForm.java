package com.paystatus.admin;

import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeTemplateRecord;
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

    /** A template's channels: a suggestion, posted only when the operator ticks {@link #useSuggested}. */
    private Map<String, String> suggested = new LinkedHashMap<>();

    private boolean useSuggested;

    /** The fingerprint of the draft the operator last saw previewed; publishing needs it to match. */
    private String previewed;

    /**
     * The command: the channels chosen, and where the operator ticked the template's suggestion, its
     * channels not chosen otherwise.
     */
    NoticeDraft toDraft(ZoneId zone) {
        Map<String, String> affected = new LinkedHashMap<>();
        channels.forEach((slug, state) -> {
            if (state != null && !state.isBlank()) {
                affected.put(slug, state);
            }
        });
        if (useSuggested) {
            suggested.forEach((slug, state) -> {
                if (state != null && !state.isBlank()) {
                    affected.putIfAbsent(slug, state);
                }
            });
        }
        return new NoticeDraft(title, titleEn, kind, message, messageEn, affected, null, estimate(zone));
    }

    /** Fills the words and the kind from a template; its channels only as a suggestion. */
    static NoticeForm fromTemplate(NoticeTemplateRecord template) {
        NoticeForm form = new NoticeForm();
        form.title = template.title();
        form.titleEn = template.titleEn();
        form.kind = template.kind().code();
        form.message = template.message();
        form.messageEn = template.messageEn();
        form.suggested = new LinkedHashMap<>(template.channels());
        return form;
    }

    public Map<String, String> getSuggested() {
        return suggested;
    }

    public void setSuggested(Map<String, String> suggested) {
        this.suggested = suggested;
    }

    public boolean isUseSuggested() {
        return useSuggested;
    }

    public void setUseSuggested(boolean useSuggested) {
        this.useSuggested = useSuggested;
    }

    public String getPreviewed() {
        return previewed;
    }

    public void setPreviewed(String previewed) {
        this.previewed = previewed;
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
