package com.paystatus.status.api;

import com.paystatus.channel.ChannelState;
import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How PayStatus's words map onto Statuspage's: channel states onto component statuses, notice
 * statuses onto incident statuses, kinds and states onto impact, and all channels onto the page's
 * indicator. The README's mapping table says the same; the contract test checks every value against
 * Statuspage's own enums.
 */
public final class StatuspageWords {

    /** Statuspage's component statuses. */
    public static final Set<String> COMPONENT_STATUSES =
            Set.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");

    /** Statuspage's incident statuses (including the ones of scheduled maintenances). */
    public static final Set<String> INCIDENT_STATUSES = Set.of(
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "postmortem",
            "scheduled",
            "in_progress",
            "verifying",
            "completed");

    public static final Set<String> IMPACTS = Set.of("none", "minor", "major", "critical", "maintenance");

    public static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");

    private static final Map<ChannelState, String> COMPONENT_STATUS = Map.of(
            ChannelState.AVAILABLE, "operational",
            ChannelState.DEGRADED, "degraded_performance",
            ChannelState.MAINTENANCE, "under_maintenance",
            // People cannot pay with a channel under compliance review, exactly as in an outage.
            ChannelState.COMPLIANCE_REVIEW, "major_outage",
            ChannelState.UNAVAILABLE, "major_outage");

    private StatuspageWords() {}

    public static String componentStatus(ChannelState state) {
        return COMPONENT_STATUS.get(state);
    }

    /** Our notice statuses are Statuspage's incident statuses, word for word. */
    public static String incidentStatus(NoticeStatus status) {
        return status.code();
    }

    /** Our maintenance statuses are Statuspage's scheduled-maintenance statuses, word for word. */
    public static String maintenanceStatus(MaintenanceStatus status) {
        return status.code();
    }

    /**
     * A notice's impact: {@code maintenance} for maintenance notices, {@code none} for information;
     * otherwise by the worst state it holds a channel in: degraded or maintenance is minor, compliance
     * review is major (people cannot pay, but it is a decision, not a breakdown), unavailable is
     * critical.
     */
    public static String impact(NoticeKind kind, Collection<ChannelState> states) {
        if (kind == NoticeKind.MAINTENANCE) {
            return "maintenance";
        }
        if (kind == NoticeKind.INFO) {
            return "none";
        }
        return switch (ChannelState.worst(states)) {
            case AVAILABLE -> "none";
            case DEGRADED, MAINTENANCE -> "minor";
            case COMPLIANCE_REVIEW -> "major";
            case UNAVAILABLE -> "critical";
        };
    }

    /**
     * The page's indicator: {@code none} when every channel is available; {@code critical} when no
     * channel can be used at all; {@code major} when some cannot be used; {@code minor} when some are
     * only degraded or in maintenance. The message key names the description.
     */
    public static Indicator indicator(List<ChannelState> states) {
        ChannelState worst = ChannelState.worst(states);
        if (worst == ChannelState.AVAILABLE) {
            return new Indicator("none", "api.status.none");
        }
        boolean noneUsable = !states.isEmpty() && states.stream().noneMatch(ChannelState::isUsable);
        if (noneUsable && states.stream().allMatch(s -> s == ChannelState.MAINTENANCE)) {
            return new Indicator("major", "api.status.maintenance");
        }
        if (noneUsable) {
            return new Indicator("critical", "api.status.critical");
        }
        if (worst == ChannelState.UNAVAILABLE || worst == ChannelState.COMPLIANCE_REVIEW) {
            return new Indicator("major", "api.status.major");
        }
        if (worst == ChannelState.MAINTENANCE && states.stream().noneMatch(s -> s == ChannelState.DEGRADED)) {
            return new Indicator("minor", "api.status.maintenance");
        }
        return new Indicator("minor", "api.status.minor");
    }

    public record Indicator(String indicator, String messageKey) {}
}
