package com.paystatus.maintenance;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts maintenance windows' starts and ends into effect on time, whether or not anyone is looking.
 * With several instances on one database, ShedLock lets one of them run it at a time; the service
 * itself writes each transition only once.
 */
@Component
@ConditionalOnProperty(name = "paystatus.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MaintenanceScheduler {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final MaintenanceService maintenances;

    MaintenanceScheduler(MaintenanceService maintenances) {
        this.maintenances = maintenances;
    }

    @Scheduled(
            initialDelayString = "${paystatus.scheduler.interval:5s}",
            fixedDelayString = "${paystatus.scheduler.interval:5s}")
    @SchedulerLock(name = "maintenance-transitions", lockAtMostFor = "PT2M")
    void recordDueTransitions() {
        int written = maintenances.recordDueTransitions();
        if (written > 0) {
            log.info("Put {} maintenance transition(s) into effect", written);
        }
    }
}
