package com.paystatus.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (immediately, 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), about 28 hours in all, then it is given up.
 */
final class Backoff {

    static final List<Duration> SCHEDULE = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    private Backoff() {}

    /** The wait after the given number of failed attempts, or empty when it is time to give up. */
    static Optional<Duration> after(int failedAttempts) {
        return failedAttempts >= 1 && failedAttempts <= SCHEDULE.size()
                ? Optional.of(SCHEDULE.get(failedAttempts - 1))
                : Optional.empty();
    }
}
