package com.paystatus.maintenance;

import com.paystatus.shared.ConflictException;
import com.paystatus.shared.Horizon;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planned maintenance window for some channels. Its status is never stored: it follows from the
 * planned window and what operators did (start early, extend, complete early), see {@link
 * MaintenanceRecord#status}. The two {@code …RecordedAt} fields are the scheduler's bookkeeping:
 * when the start and the end were written to the channels' history, so each is written once;
 * {@code soonAnnouncedAt} likewise for the announcement an hour before the start.
 */
@Entity
@Table(name = "maintenance")
class Maintenance {

    static final int MAX_MESSAGE = MaintenanceDraft.MAX_MESSAGE;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String message;
    private Instant startsAt;
    private Instant endsAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant startRecordedAt;
    private Instant endRecordedAt;
    private Instant soonAnnouncedAt;
    private Instant createdAt;
    private String createdBy;

    @ElementCollection
    @CollectionTable(name = "maintenance_channel", joinColumns = @JoinColumn(name = "maintenance_id"))
    @Column(name = "channel_id")
    private Set<Long> channelIds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "maintenance", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("postedAt desc, id desc")
    private List<MaintenanceUpdate> updates = new ArrayList<>();

    @Version
    private long version;

    protected Maintenance() {}

    static void check(
            String title,
            String message,
            boolean anyChannel,
            Instant startsAt,
            Instant endsAt,
            Instant now,
            List<Violation> violations) {
        if (!anyChannel) {
            violations.add(new Violation("channels", "validation.channelsRequired"));
        }
        if (startsAt == null) {
            violations.add(new Violation("startsAt", "validation.required"));
        } else if (!startsAt.isAfter(now)) {
            violations.add(new Violation("startsAt", "validation.startInPast"));
        } else if (Horizon.beyond(startsAt, now)) {
            violations.add(new Violation("startsAt", "validation.tooFarAhead"));
        }
        if (endsAt == null) {
            violations.add(new Violation("endsAt", "validation.required"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "validation.endBeforeStart"));
        } else if (Horizon.beyond(endsAt, now)) {
            violations.add(new Violation("endsAt", "validation.tooFarAhead"));
        }
    }

    static Maintenance schedule(
            String title,
            String message,
            Set<Long> channelIds,
            Instant startsAt,
            Instant endsAt,
            Instant now,
            String by) {
        List<Violation> violations = new ArrayList<>();
        check(title, message, !channelIds.isEmpty(), startsAt, endsAt, now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Maintenance m = new Maintenance();
        m.title = title.trim();
        m.message = message.trim();
        m.channelIds.addAll(channelIds);
        m.startsAt = startsAt;
        m.endsAt = endsAt;
        m.createdAt = now;
        m.createdBy = by;
        return m;
    }

    MaintenanceStatus status(Instant now) {
        return window().status(now);
    }

    /** Puts the channels into maintenance now, before the planned start. */
    void startEarly(String message, Instant now, String by) {
        if (status(now) != MaintenanceStatus.SCHEDULED) {
            throw new ConflictException("error.maintenanceNotScheduled", id);
        }
        startedAt = now;
        say(MaintenanceAction.STARTED_EARLY, message, now, by);
    }

    /** Moves the planned end later (or earlier, but not into the past). */
    void extend(Instant newEnd, String message, Instant now, String by) {
        if (status(now) == MaintenanceStatus.COMPLETED) {
            throw new ConflictException("error.maintenanceCompleted", id);
        }
        if (newEnd == null) {
            throw new InvalidInputException("endsAt", "validation.required");
        }
        if (!newEnd.isAfter(now) || !newEnd.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "validation.endInPast");
        }
        if (Horizon.beyond(newEnd, now)) {
            throw new InvalidInputException("endsAt", "validation.tooFarAhead");
        }
        endsAt = newEnd;
        say(MaintenanceAction.EXTENDED, message, now, by);
    }

    /** Ends the window now, before the planned end. */
    void completeEarly(String message, Instant now, String by) {
        if (status(now) == MaintenanceStatus.COMPLETED) {
            throw new ConflictException("error.maintenanceCompleted", id);
        }
        completedAt = now;
        say(MaintenanceAction.COMPLETED_EARLY, message, now, by);
    }

    /** Whether the start is due for the history and not yet written there. */
    boolean startDue(Instant now) {
        return startRecordedAt == null && !now.isBefore(window().effectiveStart());
    }

    boolean endDue(Instant now) {
        return endRecordedAt == null && !now.isBefore(window().effectiveEnd());
    }

    /**
     * Whether it is time to say that the window starts within {@code lead}: not yet said, not yet
     * started, and the window was scheduled further ahead than that (else its scheduling said it).
     */
    boolean startingSoonDue(Instant now, Duration lead) {
        Instant announceAt = startsAt.minus(lead);
        return soonAnnouncedAt == null
                && startedAt == null
                && completedAt == null
                && startRecordedAt == null
                && now.isBefore(startsAt)
                && !now.isBefore(announceAt)
                && !createdAt.isAfter(announceAt);
    }

    void startingSoonAnnounced(Instant now) {
        soonAnnouncedAt = now;
    }

    void startRecorded(Instant now) {
        startRecordedAt = now;
    }

    void endRecorded(Instant now) {
        if (startRecordedAt == null) {
            startRecordedAt = now;
        }
        endRecordedAt = now;
    }

    private void say(MaintenanceAction action, String message, Instant now, String by) {
        String text = message == null ? "" : message.trim();
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("message", "validation.tooLong", MAX_MESSAGE);
        }
        updates.add(0, new MaintenanceUpdate(this, action, text, now, by));
    }

    /** The window's times, without loading its updates (the scheduler asks this of every open window). */
    MaintenanceWindow window() {
        return new MaintenanceWindow(startsAt, endsAt, startedAt, completedAt);
    }

    String getTitle() {
        return title;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    Long getId() {
        return id;
    }

    Set<Long> getChannelIds() {
        return channelIds;
    }

    MaintenanceRecord toRecord(Map<Long, String> slugs) {
        return new MaintenanceRecord(
                id == null ? 0 : id,
                title,
                message,
                channelIds.stream().map(c -> slugs.getOrDefault(c, "?")).toList(),
                startsAt,
                endsAt,
                startedAt,
                completedAt,
                createdAt,
                createdBy,
                updates.stream().map(MaintenanceUpdate::toRecord).toList());
    }
}
