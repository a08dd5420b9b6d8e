package com.paystatus.status.api;

import static com.paystatus.shared.ApiTimes.format;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.ChannelView;
import com.paystatus.status.GroupView;
import com.paystatus.status.Localized;
import com.paystatus.status.ReportFigures;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.UserReports;
import com.paystatus.status.api.StatuspageDocuments.ChannelFacts;
import com.paystatus.status.api.StatuspageDocuments.Component;
import com.paystatus.status.api.StatuspageDocuments.Incident;
import com.paystatus.status.api.StatuspageDocuments.Page;
import com.paystatus.status.api.StatuspageDocuments.ScheduledMaintenance;
import com.paystatus.status.api.StatuspageDocuments.Status;
import com.paystatus.status.api.StatuspageDocuments.Summary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Builds Statuspage's documents from a {@link StatusSnapshot}, never from the database. Channels
 * become components under one group component per heading; notices become incidents; maintenance
 * windows become scheduled maintenances. Ids are stable strings: a channel's slug, {@code group-} and
 * the group's English name, {@code notice-} or {@code maintenance-} and the number.
 */
@org.springframework.stereotype.Component
public class StatuspageMapper {

    static final String PAGE_ID = "paystatus";

    private final MessageSource messages;
    private final ZoneId zone;
    private final IncidentMapping incidents;
    private final UserReports reports;

    public StatuspageMapper(MessageSource messages, PayStatusProperties properties) {
        this(messages, properties, UserReports.NONE);
    }

    /** With the user reports' counts in each channel's {@code paystatus} object. */
    @Autowired
    public StatuspageMapper(
            MessageSource messages, PayStatusProperties properties, ObjectProvider<UserReports> reports) {
        this(messages, properties, reports.getIfAvailable(() -> UserReports.NONE));
    }

    private StatuspageMapper(MessageSource messages, PayStatusProperties properties, UserReports reports) {
        this.messages = messages;
        this.zone = properties.zone();
        this.incidents = new IncidentMapping(zone);
        this.reports = reports;
    }

    /** What one request asks for: the snapshot, the instant, the language and the page's address. */
    public record Request(StatusSnapshot snapshot, Instant now, Locale locale, String baseUrl) {}

    public Page page(Request r) {
        return new Page(
                PAGE_ID,
                messages.getMessage("app.name", null, r.locale()),
                r.baseUrl(),
                zone.getId(),
                format(r.snapshot().builtAt(), zone));
    }

    public Status status(Request r) {
        List<ChannelState> states = r.snapshot().channels().values().stream()
                .map(ChannelView::state)
                .toList();
        StatuspageWords.Indicator indicator = StatuspageWords.indicator(states);
        return new Status(indicator.indicator(), messages.getMessage(indicator.messageKey(), null, r.locale()));
    }

    /** Every group followed by its channels, as Statuspage lists them. */
    public List<Component> components(Request r) {
        List<Component> result = new ArrayList<>();
        int groupPosition = 0;
        for (GroupView group : r.snapshot().groups()) {
            groupPosition++;
            String groupId = groupId(group);
            List<ChannelView> channels = group.channels();
            ChannelState worst =
                    ChannelState.worst(channels.stream().map(ChannelView::state).toList());
            Instant updated = channels.stream()
                    .map(c -> updatedAt(c, r))
                    .max(Comparator.naturalOrder())
                    .orElse(r.snapshot().builtAt());
            Instant created = channels.stream()
                    .map(c -> createdAt(c, r))
                    .min(Comparator.naturalOrder())
                    .orElse(r.snapshot().builtAt());
            result.add(new Component(
                    groupId,
                    group.name(r.locale()),
                    StatuspageWords.componentStatus(worst),
                    format(created, zone),
                    format(updated, zone),
                    groupPosition,
                    null,
                    false,
                    null,
                    null,
                    PAGE_ID,
                    true,
                    false,
                    channels.stream().map(ChannelView::slug).toList(),
                    null));
            int position = 0;
            for (ChannelView channel : channels) {
                result.add(component(channel, groupId, ++position, r));
            }
        }
        return result;
    }

    /**
     * Open notices first, newest first, then those resolved within the configured days; at most 50,
     * as Statuspage's incidents.json.
     */
    public List<Incident> incidents(Request r) {
        Map<String, Component> channels = channelComponents(r);
        return Stream.concat(r.snapshot().openNotices().stream(), r.snapshot().recentlyResolved().stream())
                .limit(50)
                .map(n -> incidents.incident(n, r, channels))
                .toList();
    }

    public List<Incident> unresolvedIncidents(Request r) {
        Map<String, Component> channels = channelComponents(r);
        return r.snapshot().openNotices().stream()
                .map(n -> incidents.incident(n, r, channels))
                .toList();
    }

    /** Every maintenance window the snapshot carries, the latest planned first. */
    public List<ScheduledMaintenance> maintenances(Request r) {
        Map<String, Component> channels = channelComponents(r);
        return r.snapshot().maintenances().stream()
                .sorted(Comparator.comparing(MaintenanceRecord::startsAt).reversed())
                .map(m -> incidents.maintenance(m, r, channels))
                .toList();
    }

    public List<ScheduledMaintenance> maintenances(Request r, MaintenanceStatus status) {
        Map<String, Component> channels = channelComponents(r);
        return r.snapshot().maintenances(status, r.now()).stream()
                .sorted(Comparator.comparing(MaintenanceRecord::startsAt))
                .map(m -> incidents.maintenance(m, r, channels))
                .toList();
    }

    public Summary summary(Request r) {
        List<ScheduledMaintenance> current = new ArrayList<>(maintenances(r, MaintenanceStatus.IN_PROGRESS));
        current.addAll(maintenances(r, MaintenanceStatus.SCHEDULED));
        return new Summary(page(r), components(r), unresolvedIncidents(r), current, status(r));
    }

    /** The channel components (not the groups) by id. */
    private Map<String, Component> channelComponents(Request r) {
        Map<String, Component> channels = new LinkedHashMap<>();
        components(r).stream().filter(c -> !c.group()).forEach(c -> channels.put(c.id(), c));
        return channels;
    }

    private Component component(ChannelView channel, String groupId, int position, Request r) {
        ReportFigures reported = reports.of(channel.slug());
        ChannelFacts facts = new ChannelFacts(
                channel.state().code(),
                format(channel.since(), zone),
                channel.causeKind() == null ? null : channel.causeKind().code(),
                channel.cause() == null ? null : noticeId(channel.cause()),
                format(channel.estimatedRecoveryAt(), zone),
                channel.reason(),
                channel.alternatives().stream().map(a -> a.slug()).toList(),
                r.baseUrl() + "/channels/" + channel.slug(),
                reported.reports15m(),
                reported.typical15m(),
                reported.signal());
        String description = channel.description(r.locale());
        return new Component(
                channel.slug(),
                channel.name(r.locale()),
                StatuspageWords.componentStatus(channel.state()),
                format(createdAt(channel, r), zone),
                format(updatedAt(channel, r), zone),
                position,
                description == null || description.isBlank() ? null : description,
                false,
                null,
                groupId,
                PAGE_ID,
                false,
                false,
                null,
                facts);
    }

    private Instant createdAt(ChannelView channel, Request r) {
        return Stream.concat(
                        Stream.ofNullable(channel.since()),
                        channel.channel().recentChanges().stream().map(StateChange::at))
                .min(Comparator.naturalOrder())
                .orElse(r.snapshot().builtAt());
    }

    private Instant updatedAt(ChannelView channel, Request r) {
        return channel.since() != null ? channel.since() : createdAt(channel, r);
    }

    static String noticeId(NoticeRecord notice) {
        return "notice-" + notice.id();
    }

    /** {@code group-} and the group's English name in lower case, words joined by dashes. */
    static String groupId(GroupView group) {
        String name = Localized.pick(Locale.ENGLISH, group.nameZh(), group.nameEn());
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "group-" + (slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug);
    }
}
