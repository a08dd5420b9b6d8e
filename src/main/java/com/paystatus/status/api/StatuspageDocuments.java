package com.paystatus.status.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The documents of Atlassian Statuspage's public API v2, field for field, so that clients written
 * for Statuspage read PayStatus unchanged. Times are ISO-8601 strings with milliseconds and offset;
 * ids are strings. What Statuspage has no word for travels in {@code paystatus} objects, which
 * Statuspage clients ignore. Built from the status snapshot by {@link StatuspageMapper}.
 */
public final class StatuspageDocuments {

    private StatuspageDocuments() {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(String id, String name, String url, String timeZone, String updatedAt) {}

    /** {@code indicator} is one of none, minor, major, critical. */
    public record Status(String indicator, String description) {}

    /**
     * A channel, or a group of channels ({@code group: true}, with the ids of its channels in {@code
     * components}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Component(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            int position,
            String description,
            boolean showcase,
            String startDate,
            String groupId,
            String pageId,
            boolean group,
            boolean onlyShowIfDegraded,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components,
            @JsonInclude(JsonInclude.Include.NON_NULL) ChannelFacts paystatus) {}

    /** What PayStatus knows about a channel beyond Statuspage's words. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChannelFacts(
            String state,
            String since,
            String causeKind,
            String causeNoticeId,
            String estimatedRecoveryAt,
            String reason,
            List<String> alternatives,
            String url,
            // user reports, beside the state and never changing it
            @JsonProperty("reports_15m") long reports15m,
            @JsonProperty("reports_typical_15m") long reportsTypical15m,
            String reportsSignal) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AffectedComponent(String code, String name, String oldStatus, String newStatus) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncidentUpdate(
            String id,
            String status,
            String body,
            String incidentId,
            String createdAt,
            String updatedAt,
            String displayAt,
            List<AffectedComponent> affectedComponents,
            boolean deliverNotifications,
            String customTweet,
            String tweetId,
            @JsonInclude(JsonInclude.Include.NON_NULL) UpdateFacts paystatus) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UpdateFacts(
            String status,
            String estimatedRecoveryAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String bodyLang) {}

    /** A notice. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Incident(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            String monitoringAt,
            String resolvedAt,
            String impact,
            String shortlink,
            String startedAt,
            String pageId,
            List<IncidentUpdate> incidentUpdates,
            List<Component> components,
            NoticeFacts paystatus) {}

    /** What PayStatus knows about a notice beyond Statuspage's words. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NoticeFacts(
            String kind,
            String status,
            Map<String, String> channels,
            String estimatedRecoveryAt,
            String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameLang) {}

    /** A maintenance window. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduledMaintenance(
            String id,
            String name,
            String status,
            String createdAt,
            String updatedAt,
            String monitoringAt,
            String resolvedAt,
            String impact,
            String shortlink,
            String startedAt,
            String pageId,
            List<IncidentUpdate> incidentUpdates,
            List<Component> components,
            String scheduledFor,
            String scheduledUntil) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(
            Page page,
            List<Component> components,
            List<Incident> incidents,
            List<ScheduledMaintenance> scheduledMaintenances,
            Status status) {}

    public record StatusDocument(Page page, Status status) {}

    public record ComponentsDocument(Page page, List<Component> components) {}

    public record IncidentsDocument(Page page, List<Incident> incidents) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaintenancesDocument(Page page, List<ScheduledMaintenance> scheduledMaintenances) {}
}
