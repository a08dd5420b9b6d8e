package com.paystatus.status.api;

import static com.paystatus.shared.ApiTimes.format;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateChange;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeStatus;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.ChannelView;
import com.paystatus.status.GroupView;
import com.paystatus.status.Localized;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.api.StatuspageDocuments.AffectedComponent;
import com.paystatus.status.api.StatuspageDocuments.ChannelFacts;
import com.paystatus.status.api.StatuspageDocuments.Component;
import com.paystatus.status.api.StatuspageDocuments.Incident;
import com.paystatus.status.api.StatuspageDocuments.IncidentUpdate;
import com.paystatus.status.api.StatuspageDocuments.NoticeFacts;
import com.paystatus.status.api.StatuspageDocuments.Page;
import com.paystatus.status.api.StatuspageDocuments.ScheduledMaintenance;
import com.paystatus.status.api.StatuspageDocuments.Status;
import com.paystatus.status.api.StatuspageDocuments.Summary;
import com.paystatus.status.api.StatuspageDocuments.UpdateFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
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

    public StatuspageMapper(MessageSource messages, PayStatusProperties properties) {
        this.messages = messages;
        this.zone = properties.zone();
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

    /** Open notices first, newest first, then those resolved within the configured days. */
    public List<Incident> incidents(Request r) {
        return Stream.concat(r.snapshot().openNotices().stream(), r.snapshot().recentlyResolved().stream())
                .map(n -> incident(n, r))
                .toList();
    }

    public List<Incident> unresolvedIncidents(Request r) {
        return r.snapshot().openNotices().stream().map(n -> incident(n, r)).toList();
    }

    /** Every maintenance window the snapshot carries, the latest planned first. */
    public List<ScheduledMaintenance> maintenances(Request r) {
        return r.snapshot().maintenances().stream()
                .sorted(Comparator.comparing(MaintenanceRecord::startsAt).reversed())
                .map(m -> maintenance(m, r))
                .toList();
    }

    public List<ScheduledMaintenance> maintenances(Request r, MaintenanceStatus status) {
        return r.snapshot().maintenances(status, r.now()).stream()
                .sorted(Comparator.comparing(MaintenanceRecord::startsAt))
                .map(m -> maintenance(m, r))
                .toList();
    }

    public Summary summary(Request r) {
        List<ScheduledMaintenance> current = new ArrayList<>(maintenances(r, MaintenanceStatus.IN_PROGRESS));
        current.addAll(maintenances(r, MaintenanceStatus.SCHEDULED));
        return new Summary(page(r), components(r), unresolvedIncidents(r), current, status(r));
    }

    private Component component(ChannelView channel, String groupId, int position, Request r) {
        ChannelFacts facts = new ChannelFacts(
                channel.state().code(),
                format(channel.since(), zone),
                channel.causeKind() == null ? null : channel.causeKind().code(),
                channel.cause() == null ? null : noticeId(channel.cause()),
                format(channel.estimatedRecoveryAt(), zone),
                channel.reason(),
                channel.alternatives().stream().map(a -> a.slug()).toList(),
                r.baseUrl() + "/channels/" + channel.slug());
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

    private Incident incident(NoticeRecord notice, Request r) {
        String id = noticeId(notice);
        Map<String, String> channels = new LinkedHashMap<>();
        notice.channels().forEach((slug, state) -> channels.put(slug, state.code()));
        List<NoticeRecord.Update> updates = notice.updates();
        List<IncidentUpdate> incidentUpdates = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            NoticeRecord.Update u = updates.get(i);
            boolean first = i == updates.size() - 1;
            String at = format(u.postedAt(), zone);
            incidentUpdates.add(new IncidentUpdate(
                    id + "-" + (updates.size() - i),
                    StatuspageWords.incidentStatus(u.status()),
                    u.message(),
                    id,
                    at,
                    at,
                    at,
                    first ? affected(notice, r) : null,
                    false,
                    null,
                    null,
                    new UpdateFacts(u.status().code(), format(u.estimatedRecoveryAt(), zone))));
        }
        Instant updated =
                updates.isEmpty() ? notice.createdAt() : updates.get(0).postedAt();
        Instant monitoringAt = updates.stream()
                .filter(u -> u.status() == NoticeStatus.MONITORING)
                .map(NoticeRecord.Update::postedAt)
                .findFirst()
                .orElse(null);
        String url = r.baseUrl() + "/notices/" + notice.id();
        return new Incident(
                id,
                notice.title(),
                StatuspageWords.incidentStatus(notice.status()),
                format(notice.createdAt(), zone),
                format(updated, zone),
                format(monitoringAt, zone),
                format(notice.resolvedAt(), zone),
                StatuspageWords.impact(notice.kind(), notice.channels().values()),
                url,
                format(notice.createdAt(), zone),
                PAGE_ID,
                incidentUpdates,
                componentsOf(notice.channels().keySet(), r),
                new NoticeFacts(
                        notice.kind().code(),
                        notice.status().code(),
                        channels,
                        format(notice.estimatedRecoveryAt(), zone),
                        url));
    }

    /** The states the notice put its channels in, for the first update, as Statuspage lists them. */
    private List<AffectedComponent> affected(NoticeRecord notice, Request r) {
        List<AffectedComponent> result = new ArrayList<>();
        notice.channels()
                .forEach((slug, state) -> r.snapshot()
                        .channel(slug)
                        .ifPresent(c -> result.add(new AffectedComponent(
                                slug, c.name(r.locale()), "operational", StatuspageWords.componentStatus(state)))));
        return result;
    }

    private ScheduledMaintenance maintenance(MaintenanceRecord m, Request r) {
        String id = "maintenance-" + m.id();
        MaintenanceStatus status = m.status(r.now());
        List<IncidentUpdate> updates = new ArrayList<>();
        int n = m.updates().size() + 1;
        for (MaintenanceRecord.Update u : m.updates()) {
            String at = format(u.postedAt(), zone);
            updates.add(new IncidentUpdate(
                    id + "-" + n--,
                    StatuspageWords.maintenanceStatus(m.status(u.postedAt())),
                    u.message(),
                    id,
                    at,
                    at,
                    at,
                    null,
                    false,
                    null,
                    null,
                    null));
        }
        String created = format(m.createdAt(), zone);
        updates.add(new IncidentUpdate(
                id + "-1",
                StatuspageWords.maintenanceStatus(MaintenanceStatus.SCHEDULED),
                m.message(),
                id,
                created,
                created,
                created,
                null,
                false,
                null,
                null,
                null));
        Instant updated = Stream.concat(
                        Stream.of(m.createdAt()), m.updates().stream().map(MaintenanceRecord.Update::postedAt))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new ScheduledMaintenance(
                id,
                m.title(),
                StatuspageWords.maintenanceStatus(status),
                created,
                format(updated, zone),
                null,
                status == MaintenanceStatus.COMPLETED ? format(m.effectiveEnd(), zone) : null,
                "maintenance",
                r.baseUrl() + "/",
                status == MaintenanceStatus.SCHEDULED ? null : format(m.effectiveStart(), zone),
                PAGE_ID,
                updates,
                componentsOf(m.channels(), r),
                format(m.startsAt(), zone),
                format(m.endsAt(), zone));
    }

    private List<Component> componentsOf(java.util.Collection<String> slugs, Request r) {
        List<Component> all = components(r);
        return slugs.stream()
                .map(slug -> all.stream()
                        .filter(c -> !c.group() && c.id().equals(slug))
                        .findFirst()
                        .orElse(null))
                .filter(Objects::nonNull)
                .toList();
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
