package com.paystatus.status.api;

import static com.paystatus.shared.ApiTimes.format;

import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceStatus;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeStatus;
import com.paystatus.shared.LocalizedText;
import com.paystatus.status.api.StatuspageDocuments.AffectedComponent;
import com.paystatus.status.api.StatuspageDocuments.Component;
import com.paystatus.status.api.StatuspageDocuments.Incident;
import com.paystatus.status.api.StatuspageDocuments.IncidentUpdate;
import com.paystatus.status.api.StatuspageDocuments.NoticeFacts;
import com.paystatus.status.api.StatuspageDocuments.ScheduledMaintenance;
import com.paystatus.status.api.StatuspageDocuments.UpdateFacts;
import com.paystatus.status.api.StatuspageMapper.Request;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Notices as Statuspage incidents and maintenance windows as scheduled maintenances, for {@link
 * StatuspageMapper}, which hands in the channel components already built for the request.
 */
final class IncidentMapping {

    private final ZoneId zone;

    IncidentMapping(ZoneId zone) {
        this.zone = zone;
    }

    Incident incident(NoticeRecord notice, Request r, Map<String, Component> channels) {
        String id = StatuspageMapper.noticeId(notice);
        Map<String, String> held = new LinkedHashMap<>();
        notice.channels().forEach((slug, state) -> held.put(slug, state.code()));
        List<NoticeRecord.Update> updates = notice.updates();
        List<IncidentUpdate> incidentUpdates = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            NoticeRecord.Update u = updates.get(i);
            LocalizedText body = u.message(r.locale());
            boolean first = i == updates.size() - 1;
            String at = format(u.postedAt(), zone);
            incidentUpdates.add(new IncidentUpdate(
                    id + "-" + (updates.size() - i),
                    StatuspageWords.incidentStatus(u.status()),
                    body.text(),
                    id,
                    at,
                    at,
                    at,
                    first ? affected(notice, r) : null,
                    false,
                    null,
                    null,
                    new UpdateFacts(u.status().code(), format(u.estimatedRecoveryAt(), zone), body.lang())));
        }
        Instant updated =
                updates.isEmpty() ? notice.createdAt() : updates.get(0).postedAt();
        Instant monitoringAt = updates.stream()
                .filter(u -> u.status() == NoticeStatus.MONITORING)
                .map(NoticeRecord.Update::postedAt)
                .findFirst()
                .orElse(null);
        String url = r.baseUrl() + "/notices/" + notice.id();
        LocalizedText name = notice.title(r.locale());
        return new Incident(
                id,
                name.text(),
                StatuspageWords.incidentStatus(notice.status()),
                format(notice.createdAt(), zone),
                format(updated, zone),
                format(monitoringAt, zone),
                format(notice.resolvedAt(), zone),
                StatuspageWords.impact(notice.kind(), notice.channels().values()),
                url,
                format(notice.createdAt(), zone),
                StatuspageMapper.PAGE_ID,
                incidentUpdates,
                componentsOf(notice.channels().keySet(), channels),
                new NoticeFacts(
                        notice.kind().code(),
                        notice.status().code(),
                        held,
                        format(notice.estimatedRecoveryAt(), zone),
                        url,
                        name.lang()));
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

    ScheduledMaintenance maintenance(MaintenanceRecord m, Request r, Map<String, Component> channels) {
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
                StatuspageMapper.PAGE_ID,
                updates,
                componentsOf(m.channels(), channels),
                format(m.startsAt(), zone),
                format(m.endsAt(), zone));
    }

    /** The channel components of the given slugs, in that order; unknown slugs are left out. */
    private static List<Component> componentsOf(Collection<String> slugs, Map<String, Component> channels) {
        return slugs.stream().map(channels::get).filter(Objects::nonNull).toList();
    }
}
