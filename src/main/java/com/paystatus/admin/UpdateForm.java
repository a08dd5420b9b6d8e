package com.paystatus.admin;

import com.paystatus.notice.UpdateDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;

/** The admin form for posting an update to a notice, resolving it included. */
public class UpdateForm extends EstimateForm {

    @NotBlank(message = "{validation.required}")
    private String status;

    @NotBlank(message = "{validation.required}")
    @Size(max = 2000, message = "{validation.tooLong}")
    private String message;

    /** The notice's version when the form was shown, so a concurrent edit is noticed. */
    private Long version;

    UpdateDraft toDraft(ZoneId zone) {
        return new UpdateDraft(status, message, estimate(zone), version);
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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
