package com.paystatus.status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each instance reads the one revision row every second and rebuilds its snapshot when another
 * instance has changed what the public sees, so that a change is on every instance's public URLs
 * within about a second. Runs on every instance (no lock): each keeps its own snapshot.
 */
@Component
@ConditionalOnProperty(name = "paystatus.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SnapshotRefresher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);

    private final StatusSnapshots snapshots;

    SnapshotRefresher(StatusSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 1000)
    void refresh() {
        try {
            if (snapshots.refreshIfBehind()) {
                log.debug("Rebuilt the status snapshot after a change made elsewhere");
            }
        } catch (RuntimeException e) {
            // The database may be unreachable: the last snapshot keeps being served.
            log.warn("Could not check the status revision: {}", e.toString());
        }
    }
}
