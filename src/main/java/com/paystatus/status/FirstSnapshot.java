package com.paystatus.status;

import com.paystatus.shared.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first {@link StatusSnapshot}, built before the port opens (the database has just answered for
 * the migrations), so that an instance whose database goes away right after it starts still has a
 * board to show. If that first build fails, the last start-up step builds it once the database is
 * back; until then public pages say they cannot be shown.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstSnapshot implements StartupStep, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstSnapshot.class);

    private final StatusSnapshots snapshots;

    FirstSnapshot(StatusSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            snapshots.rebuild();
        } catch (RuntimeException e) {
            log.warn("Could not build the first status snapshot before serving; trying again later: {}", e.toString());
        }
    }

    /**
     * Builds the snapshot only if there is none yet: once there is one, every later change (the demo
     * data among them) has rebuilt it after its commit, so a second build here would redo that work.
     */
    @Override
    public void run() {
        snapshots.current();
    }
}
