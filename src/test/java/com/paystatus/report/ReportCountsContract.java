package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.support.HttpTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts as the database keeps them, run against each database PayStatus supports: several writers
 * (as several instances) adding to the same rows at once add up exactly, and what a writer counted
 * before it stopped is there for the next one.
 */
abstract class ReportCountsContract extends HttpTestBase {

    @Autowired
    ReportCountStore store;

    @Autowired
    ReportReadModel readModel;

    @Autowired
    JdbcTemplate jdbc;

    private long stored(String slug) {
        Long n = jdbc.queryForObject(
                "select coalesce(sum(reports), 0) from report_count where channel_slug = ?", Long.class, slug);
        return n == null ? 0 : n;
    }

    @Test
    void twoWritersFlushingAtOnceAddUpExactly() throws Exception {
        long before = stored("fenfu-repayment");
        ReportCounter a = new ReportCounter(store, clock);
        ReportCounter b = new ReportCounter(store, clock);
        AtomicBoolean counting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (ReportCounter counter : List.of(a, b)) {
                for (int t = 0; t < 2; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 5_000; i++) {
                            counter.count("fenfu-repayment", Symptom.values()[i % 3]);
                        }
                    }));
                }
                // each writer flushes while its threads count, as the scheduler would
                work.add(pool.submit(() -> {
                    while (counting.get()) {
                        counter.flush();
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                work.get(i < 2 ? i : i + 1).get(60, TimeUnit.SECONDS);
            }
            counting.set(false);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.flush()).isTrue();
        assertThat(b.flush()).isTrue();
        assertThat(a.accepted() + b.accepted()).isEqualTo(20_000);
        assertThat(a.flushed() + b.flushed()).isEqualTo(20_000);
        assertThat(stored("fenfu-repayment") - before).isEqualTo(20_000);
    }

    @Test
    void whatAWriterCountedBeforeItStoppedIsThereAfterwards() {
        long before = stored("fenfu-transit");
        ReportCounter first = new ReportCounter(store, clock);
        for (int i = 0; i < 37; i++) {
            first.count("fenfu-transit", Symptom.UNAVAILABLE);
        }
        first.flushOnShutdown(); // as when the application stops
        ReportCounter next = new ReportCounter(store, clock);
        for (int i = 0; i < 5; i++) {
            next.count("fenfu-transit", Symptom.UNAVAILABLE);
        }
        next.flush();
        assertThat(stored("fenfu-transit") - before).isEqualTo(42);
        clock.advance(Duration.ofMinutes(1));
        readModel.refresh();
        assertThat(readModel.of("fenfu-transit").reports15m()).isEqualTo(42);
    }
}
