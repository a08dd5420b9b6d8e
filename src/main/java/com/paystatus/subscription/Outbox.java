package com.paystatus.subscription;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.ChannelStateSet;
import com.paystatus.maintenance.MaintenanceCompleted;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.maintenance.MaintenanceScheduled;
import com.paystatus.maintenance.MaintenanceStarted;
import com.paystatus.maintenance.MaintenanceStartingSoon;
import com.paystatus.notice.NoticePosted;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeUpdated;
import com.paystatus.shared.OperatorAlert;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: a plain, synchronous listener, so each notification row is written in the transaction of
 * the change it tells about and commits or rolls back with it. Nothing is sent here; after the commit the
 * {@link DeliveryWorker} is woken, and every instance's poll finds what a crash left behind.
 */
@Component
class Outbox {

    /** The newest updates a notification carries (webhooks' incident_updates); a notice may have many more. */
    static final int MAX_UPDATES = 50;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ChannelService channels;
    private final DeliveryWorker worker;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, JsonMapper json, ChannelService channels, DeliveryWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.channels = channels;
        this.worker = worker;
        this.clock = clock;
    }

    @EventListener
    void on(NoticePosted event) {
        record(notice("notice.posted", event.notice(), event.message(), latestEnglish(event.notice())), null);
    }

    @EventListener
    void on(NoticeUpdated event) {
        if (!event.notifySubscribers()) {
            return;
        }
        NoticeRecord after = event.after();
        boolean resolved = !after.isOpen() && event.before().isOpen();
        record(
                notice(resolved ? "notice.resolved" : "notice.updated", after, event.message(), latestEnglish(after)),
                resolved ? after.id() : null);
    }

    @EventListener
    void on(MaintenanceScheduled event) {
        record(
                maintenance(
                        "maintenance.scheduled",
                        event.maintenance(),
                        event.maintenance().message()),
                null);
    }

    /** An hour ahead, so that subscribers are not surprised; the window is said again as it starts. */
    @EventListener
    void on(MaintenanceStartingSoon event) {
        record(
                maintenance(
                        "maintenance.soon",
                        event.maintenance(),
                        event.maintenance().message()),
                null);
    }

    @EventListener
    void on(MaintenanceStarted event) {
        record(maintenance("maintenance.started", event.maintenance(), event.message()), null);
    }

    @EventListener
    void on(MaintenanceCompleted event) {
        record(maintenance("maintenance.completed", event.maintenance(), event.message()), null);
    }

    @EventListener
    void on(ChannelStateSet event) {
        ChannelRecord channel = event.channel();
        Instant now = clock.instant();
        record(
                new NotificationContent(
                        "channel.state",
                        null,
                        null,
                        null,
                        null,
                        channel.ownState().code(),
                        Map.of(channel.slug(), channel.state().code()),
                        event.before().code(),
                        event.reason(),
                        null,
                        null,
                        null,
                        now,
                        now,
                        List.of(),
                        alternatives(Set.of(channel.slug())),
                        null),
                null);
    }

    /**
     * An alert for the operators' robots and webhooks: the same outbox, so it is delivered after commit
     * (at once when published outside a transaction, as the scheduler's jobs do), retried and signed.
     */
    @EventListener
    void on(OperatorAlert alert) {
        Instant now = clock.instant();
        String slug = alert.alertChannelSlug();
        Map<String, String> about = new LinkedHashMap<>();
        if (slug != null) {
            channels.all().stream()
                    .filter(c -> c.slug().equals(slug))
                    .findFirst()
                    .ifPresent(c -> about.put(slug, c.state().code()));
        }
        record(
                new NotificationContent(
                        "alert." + alert.alertKind(),
                        null,
                        null,
                        alert.alertTitle(),
                        null,
                        null,
                        about,
                        null,
                        alert.alertText(),
                        null,
                        null,
                        null,
                        now,
                        now,
                        List.of(),
                        Map.of(),
                        new NotificationContent.Alert(
                                alert.alertKind(), slug, alert.alertTitle(), alert.alertText(), alert.alertPath())),
                null);
    }

    /** The English message of the update just posted (the newest), or null. */
    private static String latestEnglish(NoticeRecord notice) {
        return notice.updates().isEmpty() ? null : notice.updates().get(0).messageEn();
    }

    private NotificationContent notice(String kind, NoticeRecord notice, String message, String messageEn) {
        // what the public sees now: after a resolution, the channels' own or other notices' states
        Map<String, ChannelState> effective = effectiveStates();
        Map<String, String> states = new LinkedHashMap<>();
        notice.channels()
                .forEach((slug, state) ->
                        states.put(slug, effective.getOrDefault(slug, state).code()));
        return new NotificationContent(
                kind,
                notice.id(),
                null,
                notice.title(),
                notice.kind().code(),
                notice.status().code(),
                states,
                null,
                message,
                notice.estimatedRecoveryAt(),
                null,
                null,
                notice.createdAt(),
                clock.instant(),
                notice.updates().stream()
                        .limit(MAX_UPDATES)
                        .map(u -> new NotificationContent.Step(u.status().code(), u.message(), u.postedAt()))
                        .toList(),
                alternatives(notice.channels().keySet()),
                null,
                notice.titleEn(),
                messageEn);
    }

    private NotificationContent maintenance(String kind, MaintenanceRecord maintenance, String message) {
        Instant now = clock.instant();
        Map<String, ChannelState> effective = effectiveStates();
        Map<String, String> states = new LinkedHashMap<>();
        maintenance
                .channels()
                .forEach(slug -> states.put(
                        slug,
                        kind.equals("maintenance.scheduled") || kind.equals("maintenance.soon")
                                ? ChannelState.MAINTENANCE.code()
                                : effective
                                        .getOrDefault(slug, ChannelState.MAINTENANCE)
                                        .code()));
        return new NotificationContent(
                kind,
                null,
                maintenance.id(),
                maintenance.title(),
                "maintenance",
                maintenance.status(now).code(),
                states,
                null,
                message == null || message.isBlank() ? maintenance.message() : message,
                null,
                maintenance.startsAt(),
                maintenance.endsAt(),
                maintenance.createdAt(),
                now,
                List.of(),
                alternatives(maintenance.channels()),
                null);
    }

    private Map<String, ChannelState> effectiveStates() {
        return channels.all().stream().collect(Collectors.toMap(ChannelRecord::slug, ChannelRecord::state));
    }

    private Map<String, List<String>> alternatives(Collection<String> slugs) {
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        channels.all().stream()
                .filter(c -> slugs.contains(c.slug()))
                .forEach(c -> alternatives.put(c.slug(), c.alternatives()));
        return alternatives;
    }

    /** The channels of the change that the public sees as available now that it is made. */
    private Set<String> recovered(Collection<String> slugs) {
        return channels.all().stream()
                .filter(c -> slugs.contains(c.slug()) && c.state() == ChannelState.AVAILABLE)
                .map(ChannelRecord::slug)
                .collect(Collectors.toSet());
    }

    private void record(NotificationContent content, Long resolvedNotice) {
        Set<String> recovered = content.isAlert()
                        || content.kind().startsWith("notice.posted")
                        || "maintenance.scheduled".equals(content.kind())
                        || "maintenance.soon".equals(content.kind())
                        || "maintenance.started".equals(content.kind())
                ? Set.of()
                : recovered(content.channels().keySet());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var insert = c.prepareStatement(
                            "insert into notification (kind, notice_id, maintenance_id, resolved_notice, content,"
                                    + " created_at, audience) values (?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, content.kind());
                    insert.setObject(2, content.noticeId());
                    insert.setObject(3, content.maintenanceId());
                    insert.setObject(4, resolvedNotice);
                    insert.setString(5, json.writeValueAsString(content));
                    insert.setTimestamp(6, Timestamp.from(content.at()));
                    insert.setString(7, content.isAlert() ? "operators" : "public");
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        jdbc.batchUpdate(
                "insert into notification_channel (notification_id, slug, recovered) values (?, ?, ?)",
                content.channels().keySet().stream()
                        .map(slug -> new Object[] {id, slug, recovered.contains(slug)})
                        .toList());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }
}
