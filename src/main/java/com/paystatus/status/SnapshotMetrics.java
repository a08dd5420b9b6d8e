package com.paystatus.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator's monitoring wants of the read side: how old the served snapshot is, its revision,
 * and whether the database can be reached ({@code /actuator/prometheus}).
 */
@Component
class SnapshotMetrics {

    SnapshotMetrics(StatusSnapshots snapshots, MeterRegistry registry, Clock clock) {
        Gauge.builder(
                        "paystatus.snapshot.age",
                        () -> Duration.between(snapshots.freshness().lastContact(), clock.instant())
                                        .toMillis()
                                / 1000.0)
                .description("Seconds since the served status snapshot was last confirmed against the database")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("paystatus.snapshot.revision", () -> snapshots.freshness().revision())
                .description("Status revision of the served snapshot")
                .register(registry);
        Gauge.builder(
                        "paystatus.database.reachable",
                        () -> snapshots.freshness().current() ? 1 : 0)
                .description("1 while the database answers the snapshot poll, 0 while it does not")
                .register(registry);
    }
}
