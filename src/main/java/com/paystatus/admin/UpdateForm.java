package com.paystatus.admin;

import com.paystatus.notice.UpdateDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/** The admin form for posting an update to a notice, resolving it included. */
public class UpdateForm {

    @NotBlank(message = "{validation.required}")
    private String status;

    @NotBlank(message = "{validation.required}")
    @Size(max = 2000, message = "{validation.tooLong}")
    private String message;

    private boolean recoveryUnknown;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime estimatedRecoveryAt;

    /** The notice's version when the form was shown, so a concurrent edit is noticed. */
    private Long version;

    UpdateDraft toDraft(ZoneId zone) {
        return new UpdateDraft(
                status, message, NoticeForm.estimate(recoveryUnknown, estimatedRecoveryAt, zone), version);
    }

    boolean needsEstimateChoice() {
        return !"resolved".equals(status) && !recoveryUnknown && estimatedRecoveryAt == null;
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

    public boolean isRecoveryUnknown() {
        return recoveryUnknown;
    }

    public void setRecoveryUnknown(boolean recoveryUnknown) {
        this.recoveryUnknown = recoveryUnknown;
    }

    public LocalDateTime getEstimatedRecoveryAt() {
        return estimatedRecoveryAt;
    }

    public void setEstimatedRecoveryAt(LocalDateTime estimatedRecoveryAt) {
        this.estimatedRecoveryAt = estimatedRecoveryAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
