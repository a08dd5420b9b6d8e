package com.paystatus.admin;

import com.paystatus.notice.UpdateDraft;
import java.time.ZoneId;

/**
 * What the update form sends, turned into the {@link UpdateDraft} command the API posts too; the
 * constraints are the command's.
 */
public class UpdateForm extends EstimateForm {

    private String status;

    private String message;

    /** Optional; English readers get the Chinese message where it is blank. */
    private String messageEn;

    /** The notice's version when the form was shown, so a concurrent edit is noticed. */
    private Long version;

    /** Unticked for an update subscribers need not hear about. */
    private boolean notifySubscribers = true;

    UpdateDraft toDraft(ZoneId zone) {
        return new UpdateDraft(status, message, messageEn, estimate(zone), version, notifySubscribers);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public void setMessageEn(String messageEn) {
        this.messageEn = messageEn;
    }

    public boolean isNotifySubscribers() {
        return notifySubscribers;
    }

    public void setNotifySubscribers(boolean notifySubscribers) {
        this.notifySubscribers = notifySubscribers;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
