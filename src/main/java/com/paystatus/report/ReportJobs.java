package com.paystatus.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The report module's clockwork. Every instance flushes its counts and refreshes its read model every
 * few seconds; once a minute one instance (ShedLock) publishes {@link ReportSpikeDetected} for each
 * channel and symptom the detector newly flags, or raises from possible to detected.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final ReportCounter counter;
    private final ReportReadModel readModel;
    private final ApplicationEventPublisher events;
    /** What was last announced per channel and symptom, so that a flag is announced once. */
    private final Map<String, SpikeLevel> announced = new HashMap<>();

    ReportJobs(ReportCounter counter, ReportReadModel readModel, ApplicationEventPublisher events) {
        this.counter = counter;
        this.readModel = readModel;
        this.events = events;
    }

    /** Adds this instance's counts to the database, then reads everyone's back. */
    void flushAndRefresh() {
        counter.flush();
        try {
            readModel.refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the report counts; the last ones stay shown: {}", e.toString());
        }
    }

    /** Announces what the detector newly flags; flags that cleared may be announced again later. */
    synchronized void announceSpikes() {
        Set<String> flagged = new HashSet<>();
        for (ReportSpike spike : readModel.spikes()) {
            String key = spike.channelSlug() + "|" + spike.symptom().code();
            flagged.add(key);
            SpikeLevel before = announced.getOrDefault(key, SpikeLevel.NONE);
            if (spike.level().ordinal() > before.ordinal()) {
                announced.put(key, spike.level());
                log.info(
                        "User reports: {} on {} ({} in 5 minutes, {} expected)",
                        spike.level().code(),
                        spike.channelSlug(),
                        spike.reports5m(),
                        spike.expected5m());
                events.publishEvent(new ReportSpikeDetected(
                        spike.channelSlug(),
                        spike.symptom().code(),
                        spike.level().code(),
                        spike.reports5m(),
                        spike.expected5m(),
                        spike.since()));
            }
        }
        announced.keySet().retainAll(flagged);
    }

    /** Runs the jobs on their own, unless the scheduler is off (tests trigger them). */
    @Component
    @ConditionalOnProperty(name = "paystatus.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final ReportJobs jobs;

        Schedule(ReportJobs jobs) {
            this.jobs = jobs;
        }

        @Scheduled(
                initialDelayString = "${paystatus.reports.flush-interval:5s}",
                fixedDelayString = "${paystatus.reports.flush-interval:5s}")
        void flush() {
            jobs.flushAndRefresh();
        }

        @Scheduled(cron = "10 * * * * *")
        @SchedulerLock(name = "report-spikes", lockAtMostFor = "PT50S")
        void spikes() {
            jobs.announceSpikes();
        }
    }
}
