package com.paystatus.maintenance;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window as pages and APIs show it.
 *
 * @param channels slugs of the channels that go to {@code maintenance} while it is in progress
 * @param startsAt the planned start
 * @param endsAt the planned end (moved later when extended)
 * @param startedAt when an operator started it early, or null
 * @param completedAt when an operator completed it early, or null
 * @param updates what operators said about it, newest first
 */
public record MaintenanceRecord(
        long id,
        String title,
        String message,
        List<String> channels,
        Instant startsAt,
        Instant endsAt,
        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        String createdBy,
        List<Update> updates) {

    /** When the channels actually went (or will go) into maintenance. */
    public Instant effectiveStart() {
        return window().effectiveStart();
    }

    /** When the channels actually came (or will come) back. */
    public Instant effectiveEnd() {
        return window().effectiveEnd();
    }

    public MaintenanceStatus status(Instant now) {
        return window().status(now);
    }

    private MaintenanceWindow window() {
        return new MaintenanceWindow(startsAt, endsAt, startedAt, completedAt);
    }

    /** @param message what the operator added, possibly empty */
    public record Update(MaintenanceAction action, String message, Instant postedAt, String postedBy) {}
}
