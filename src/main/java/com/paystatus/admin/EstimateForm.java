package com.paystatus.admin;

import java.time.Instant;
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

    /** The estimate as an instant, or null when unknown. */
    Instant estimate(ZoneId zone) {
        return recoveryUnknown || estimatedRecoveryAt == null
                ? null
                : estimatedRecoveryAt.atZone(zone).toInstant();
    }

    /** True when the operator neither gave a time nor said it is unknown. */
    boolean estimateMissing() {
        return !recoveryUnknown && estimatedRecoveryAt == null;
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
