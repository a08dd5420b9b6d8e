package com.paystatus.report;

import com.paystatus.report.ReportCountStore.Bucket;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds accepted reports in memory as counts per channel, symptom and minute, and adds them to the
 * database when flushed (every {@code paystatus.reports.flush-interval} and on shutdown). A report
 * costs one map update, never a database write; a crash loses at most what was counted since the
 * last flush. A flush that fails keeps its counts for the next one.
 */
@Component
class ReportCounter {

    private static final Logger log = LoggerFactory.getLogger(ReportCounter.class);

    private final Map<Bucket, Long> pending = new ConcurrentHashMap<>();
    private final ReportCountStore store;
    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong flushed = new AtomicLong();

    ReportCounter(ReportCountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void count(String slug, Symptom symptom) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        pending.merge(new Bucket(slug, symptom, minute), 1L, Long::sum);
        accepted.incrementAndGet();
    }

    /** Adds what was counted since the last flush to the database; true when it was written. */
    boolean flush() {
        Map<Bucket, Long> batch = new HashMap<>();
        for (Bucket b : pending.keySet()) {
            Long n = pending.remove(b);
            if (n != null) {
                // merged, not put: a key counted again while this loop runs can come round twice
                batch.merge(b, n, Long::sum);
            }
        }
        try {
            store.add(batch);
            flushed.addAndGet(batch.values().stream().mapToLong(Long::longValue).sum());
            return true;
        } catch (RuntimeException e) {
            batch.forEach((b, n) -> pending.merge(b, n, Long::sum));
            log.warn(
                    "Could not add {} report count(s) to the database; kept for the next flush: {}",
                    batch.size(),
                    e.toString());
            return false;
        }
    }

    /** Reports accepted by this instance since it started. */
    long accepted() {
        return accepted.get();
    }

    /** Reports this instance has added to the database since it started. */
    long flushed() {
        return flushed.get();
    }

    @PreDestroy
    void flushOnShutdown() {
        boolean written = flush();
        log.info(
                "User reports: {} accepted by this instance, {} added to the database{}",
                accepted(),
                flushed(),
                written ? "" : "; the last flush failed");
    }
}
