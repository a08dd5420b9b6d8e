package com.paystatus.maintenance;

import com.paystatus.channel.ChannelService;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling maintenance windows and acting on them. While a window is in progress its channels are
 * held in {@code maintenance} (see {@link MaintenanceHolds}); {@link #recordDueTransitions} writes
 * each start and end into the channels' history once, at the moment it was due. Each change is
 * published as it happened ({@link MaintenanceScheduled}, {@link MaintenanceStarted}, ...).
 */
@Service
public class MaintenanceService {

    static final String SCHEDULER = "scheduler";

    private final MaintenanceRepository maintenances;
    private final ChannelService channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MaintenanceService(
            MaintenanceRepository maintenances,
            ChannelService channels,
            ApplicationEventPublisher events,
            Clock clock) {
        this.maintenances = maintenances;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    /** Every rule the draft breaks, without scheduling anything. */
    @Transactional(readOnly = true)
    public List<Violation> check(MaintenanceDraft draft) {
        List<Violation> violations = new ArrayList<>();
        channelIds(draft, violations);
        return violations;
    }

    @Transactional
    public MaintenanceRecord schedule(MaintenanceDraft draft, String actor) {
        List<Violation> violations = new ArrayList<>();
        Set<Long> ids = channelIds(draft, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Maintenance maintenance = maintenances.saveAndFlush(Maintenance.schedule(
                draft.title(), draft.message(), ids, draft.startsAt(), draft.endsAt(), clock.instant(), actor));
        MaintenanceRecord scheduled = maintenance.toRecord(channels.slugsById());
        events.publishEvent(new MaintenanceScheduled(scheduled));
        return scheduled;
    }

    @Transactional
    public MaintenanceRecord startEarly(long id, String message, String actor) {
        Maintenance maintenance = find(id);
        Instant now = clock.instant();
        maintenance.startEarly(message, now, actor);
        maintenances.flush();
        channels.reconcile(maintenance.getChannelIds(), now, actor, reason(maintenance), null);
        maintenance.startRecorded(now);
        MaintenanceRecord started = maintenance.toRecord(channels.slugsById());
        events.publishEvent(new MaintenanceStarted(started, message, false));
        return started;
    }

    @Transactional
    public MaintenanceRecord extend(long id, ExtendMaintenance command, String actor) {
        Instant endsAt = command.endsAt();
        String message = command.message();
        Maintenance maintenance = find(id);
        Instant endBefore = maintenance.getEndsAt();
        maintenance.extend(endsAt, message, clock.instant(), actor);
        MaintenanceRecord extended = maintenance.toRecord(channels.slugsById());
        events.publishEvent(new MaintenanceExtended(extended, endBefore, message));
        return extended;
    }

    @Transactional
    public MaintenanceRecord completeEarly(long id, String message, String actor) {
        Maintenance maintenance = find(id);
        Instant now = clock.instant();
        boolean wasInProgress = maintenance.status(now) == MaintenanceStatus.IN_PROGRESS;
        maintenance.completeEarly(message, now, actor);
        maintenances.flush();
        if (wasInProgress) {
            channels.reconcile(maintenance.getChannelIds(), now, actor, reason(maintenance), null);
        }
        maintenance.endRecorded(now);
        MaintenanceRecord completed = maintenance.toRecord(channels.slugsById());
        events.publishEvent(new MaintenanceCompleted(completed, message, false));
        return completed;
    }

    /**
     * Writes every start and end that has come due into the channels' history, each at the moment
     * it was due, and publishes each as {@link MaintenanceStarted} or {@link MaintenanceCompleted};
     * a window whose start is within the hour is announced once as {@link MaintenanceStartingSoon}.
     * One run is one transaction: however many transitions are due, the status revision moves once
     * and the snapshot is rebuilt once after commit, while each transition keeps its own event (and
     * audit entry). Safe to call any number of times, from any instance: what is written once is not
     * written again (and two runs at once collide on the window's version). Returns how many
     * transitions were written.
     */
    @Transactional
    public int recordDueTransitions() {
        Instant now = clock.instant();
        int written = 0;
        List<Object> due = new ArrayList<>();
        Map<Long, String> slugs = null;
        for (Maintenance maintenance : maintenances.findUnfinished()) {
            MaintenanceWindow window = maintenance.window();
            if (maintenance.startingSoonDue(now, MaintenanceStartingSoon.LEAD)) {
                maintenance.startingSoonAnnounced(now);
                slugs = slugs != null ? slugs : channels.slugsById();
                due.add(new MaintenanceStartingSoon(
                        maintenance.toRecord(slugs), Duration.between(now, window.effectiveStart())));
            }
            if (maintenance.startDue(now)) {
                channels.reconcile(
                        maintenance.getChannelIds(), window.effectiveStart(), SCHEDULER, reason(maintenance), null);
                maintenance.startRecorded(now);
                slugs = slugs != null ? slugs : channels.slugsById();
                due.add(new MaintenanceStarted(maintenance.toRecord(slugs), null, true));
                written++;
            }
            if (maintenance.endDue(now)) {
                channels.reconcile(
                        maintenance.getChannelIds(), window.effectiveEnd(), SCHEDULER, reason(maintenance), null);
                maintenance.endRecorded(now);
                slugs = slugs != null ? slugs : channels.slugsById();
                due.add(new MaintenanceCompleted(maintenance.toRecord(slugs), null, true));
                written++;
            }
        }
        due.forEach(events::publishEvent);
        return written;
    }

    @Transactional(readOnly = true)
    public MaintenanceRecord get(long id) {
        return find(id).toRecord(channels.slugsById());
    }

    /** Windows to come or under way, and those that ended since the given instant, by start. */
    @Transactional(readOnly = true)
    public List<MaintenanceRecord> currentOrEndedSince(Instant since) {
        return currentOrEndedSince(since, channels.slugsById());
    }

    /** As {@link #currentOrEndedSince(Instant)}, naming channels by the slugs given for their ids. */
    @Transactional(readOnly = true)
    public List<MaintenanceRecord> currentOrEndedSince(Instant since, Map<Long, String> slugs) {
        return maintenances.findCurrentOrEndedSince(since).stream()
                .map(m -> m.toRecord(slugs))
                .toList();
    }

    private Maintenance find(long id) {
        return maintenances.findById(id).orElseThrow(() -> new NotFoundException("error.maintenanceNotFound", id));
    }

    private Set<Long> channelIds(MaintenanceDraft draft, List<Violation> violations) {
        List<String> slugs = draft.channels() == null
                ? List.of()
                : draft.channels().stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
        Map<String, Long> ids = channels.idsOf(slugs);
        Set<Long> known = new LinkedHashSet<>();
        for (String slug : slugs) {
            if (ids.containsKey(slug)) {
                known.add(ids.get(slug));
            } else {
                violations.add(new Violation("channels", "validation.unknownChannel", slug));
            }
        }
        Maintenance.check(
                draft.title(),
                draft.message(),
                !slugs.isEmpty(),
                draft.startsAt(),
                draft.endsAt(),
                clock.instant(),
                violations);
        return known;
    }

    private static String reason(Maintenance maintenance) {
        return maintenance.getTitle();
    }
}
