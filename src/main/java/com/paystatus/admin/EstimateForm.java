package com.paystatus.admin;

import com.paystatus.notice.Estimate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The estimated recovery time as an admin form takes it: a local time in the page's zone, or
 * "unknown" ticked explicitly, so nobody publishes 「恢复时间待定」 by forgetting the field.
 */
public abstract class EstimateForm {

    private boolean recoveryUnknown;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime estimatedRecoveryAt;

    /** The estimate, or null when the operator neither gave a time nor said it is unknown. */
    Estimate estimate(ZoneId zone) {
        if (recoveryUnknown) {
            return Estimate.UNKNOWN;
        }
        return estimatedRecoveryAt == null
                ? null
                : Estimate.at(estimatedRecoveryAt.atZone(zone).toInstant());
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
}
