package com.paystatus.admin;

import com.paystatus.notice.Estimate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The estimated recovery time as an admin form takes it: a local time in the page's zone, or
 * "unknown" ticked explicitly, so nobody publishes 「恢复时间待定」 by forgetting the field. Quick
 * choices (+30 min, +1 h, +2 h, 待定) are only a faster way to fill in the same two: {@link
 * #resolveQuickChoice} turns them into the exact time shown back, so the estimate keeps its one type
 * and its one rule.
 */
public abstract class EstimateForm {

    /** The quick choices, as the form sends them; blank means "the exact time below". */
    static final Map<String, Duration> QUICK =
            Map.of("30m", Duration.ofMinutes(30), "1h", Duration.ofHours(1), "2h", Duration.ofHours(2));

    static final String UNKNOWN = "unknown";

    private boolean recoveryUnknown;

    private String quickEstimate;

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

    /**
     * Turns a quick choice into the fields it stands for: a time from {@code now}, up to the next
     * whole minute (the form's precision, and still ahead), or unknown. An unknown choice is left
     * for the rules to refuse.
     */
    void resolveQuickChoice(Instant now, ZoneId zone) {
        String choice = quickEstimate == null ? "" : quickEstimate.trim();
        if (UNKNOWN.equals(choice)) {
            recoveryUnknown = true;
            estimatedRecoveryAt = null;
        } else if (QUICK.containsKey(choice)) {
            recoveryUnknown = false;
            LocalDateTime at = LocalDateTime.ofInstant(now.plus(QUICK.get(choice)), zone);
            LocalDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
            estimatedRecoveryAt = minute.equals(at) ? at : minute.plusMinutes(1);
        } else {
            return;
        }
        quickEstimate = null;
    }

    public String getQuickEstimate() {
        return quickEstimate;
    }

    public void setQuickEstimate(String quickEstimate) {
        this.quickEstimate = quickEstimate;
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
