package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a webhook in the shape of Atlassian Statuspage's subscriber webhooks, so that consumers
 * written for it parse ours: {@code meta}, {@code page}, and either {@code incident} (a notice or a
 * maintenance, with its {@code incident_updates}) or {@code component} with {@code component_update}
 * (a channel's state set directly). An operators' alert carries {@code alert} instead
 * ({@code kind}, {@code channel}, {@code title}, {@code text}, {@code url}, {@code created_at}).
 */
final class WebhookBody {

    private WebhookBody() {}

    static Map<String, Object> of(
            NotificationContent content,
            Map<String, ChannelRecord> channels,
            String unsubscribe,
            String link,
            Instant generatedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta", Map.of("unsubscribe", unsubscribe, "generated_at", generatedAt.toString()));
        body.put("page", page(channels.values()));
        if (content.isAlert()) {
            // no Statuspage shape exists for this: an object of its own, beside the usual meta and page
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("kind", content.alert().kind());
            alert.put("channel", content.alert().channelSlug());
            alert.put("title", content.alert().title());
            alert.put("text", content.alert().text());
            alert.put("url", link);
            alert.put("created_at", content.at().toString());
            body.put("alert", alert);
            return body;
        }
        if (content.isChannelState()) {
            String slug = content.channels().keySet().iterator().next();
            ChannelRecord channel = channels.get(slug);
            String state = content.channels().get(slug);
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", slug);
            component.put("name", channel == null ? slug : channel.name(Locale.SIMPLIFIED_CHINESE));
            component.put("status", componentStatus(state));
            component.put("created_at", content.at().toString());
            body.put("component", component);
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", "channel-" + slug + "-" + content.at().toEpochMilli());
            update.put("component_id", slug);
            update.put("created_at", content.at().toString());
            update.put("old_status", componentStatus(content.previousState()));
            update.put("new_status", componentStatus(state));
            body.put("component_update", update);
            return body;
        }
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put(
                "id", content.isNotice() ? "notice-" + content.noticeId() : "maintenance-" + content.maintenanceId());
        incident.put("name", content.title());
        incident.put("status", content.status());
        incident.put(
                "impact",
                content.isMaintenance()
                        ? "maintenance"
                        : impact(content.channels().values()));
        incident.put("created_at", content.createdAt().toString());
        incident.put("updated_at", content.at().toString());
        incident.put(
                "resolved_at",
                "resolved".equals(content.status()) ? content.at().toString() : null);
        incident.put("shortlink", link);
        incident.put(
                "scheduled_for",
                content.startsAt() == null ? null : content.startsAt().toString());
        incident.put(
                "scheduled_until",
                content.endsAt() == null ? null : content.endsAt().toString());
        List<Map<String, Object>> updates = content.isNotice()
                ? content.updates().stream()
                        .map(u -> update(u.status(), u.message(), u.at()))
                        .toList()
                : List.of(update(content.status(), content.message(), content.at()));
        incident.put("incident_updates", updates);
        incident.put(
                "components",
                content.channels().entrySet().stream()
                        .map(e -> Map.of("id", e.getKey(), "status", componentStatus(e.getValue())))
                        .toList());
        body.put("incident", incident);
        return body;
    }

    private static Map<String, Object> update(String status, String message, Instant at) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("status", status);
        update.put("body", message == null ? "" : message);
        update.put("created_at", at.toString());
        return update;
    }

    private static Map<String, Object> page(Collection<ChannelRecord> channels) {
        ChannelState worst = channels.stream()
                .map(ChannelRecord::state)
                .filter(s -> s != ChannelState.MAINTENANCE)
                .max((a, b) -> Integer.compare(rank(a), rank(b)))
                .orElse(ChannelState.AVAILABLE);
        String indicator = rank(worst) == 0 ? "none" : rank(worst) == 1 ? "minor" : "major";
        String description = switch (indicator) {
            case "none" -> "All Systems Operational";
            case "minor" -> "Partial System Outage";
            default -> "Major System Outage";
        };
        return Map.of("id", "paystatus", "status_indicator", indicator, "status_description", description);
    }

    private static int rank(ChannelState state) {
        return switch (state) {
            case AVAILABLE, MAINTENANCE -> 0;
            case DEGRADED, COMPLIANCE_REVIEW -> 1;
            case UNAVAILABLE -> 2;
        };
    }

    private static String impact(Collection<String> states) {
        return states.contains("unavailable") ? "major" : "minor";
    }

    static String componentStatus(String state) {
        return switch (state == null ? "" : state) {
            case "available" -> "operational";
            case "degraded" -> "degraded_performance";
            case "unavailable" -> "major_outage";
            case "maintenance" -> "under_maintenance";
            case "compliance_review" -> "partial_outage";
            default -> "operational";
        };
    }
}
