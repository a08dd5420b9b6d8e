package com.paystatus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.channel.StateTimeline;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.DayBar;
import com.paystatus.status.StatusSnapshot;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.status.Uptime;
import com.paystatus.support.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the 90-day bars of 20 channels take with five years of state history behind them. A
 * measurement, not a test: it runs only with {@code ./mvnw -Pbenchmark verify} and prints its
 * figures; it asserts only that the bars are right, never a speed.
 */
@Tag("benchmark")
abstract class UptimeBenchmark {

    static final int CHANNELS = 20;
    static final int YEARS = 5;
    /** State changes per channel per day: an outage or a maintenance about every other day, and back. */
    static final int CHANGES_PER_DAY = 2;

    @Autowired
    ChannelService channels;

    @Autowired
    StatusSnapshots snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PayStatusProperties properties;

    abstract String database();

    @Test
    void ninetyDayBarsForTwentyChannelsWithFiveYearsOfHistory() {
        Instant now = clock.instant();
        Instant start = now.minus(Duration.ofDays(365L * YEARS));
        clock.set(start);
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            channels.create(
                    "bench-" + c,
                    new ChannelDetails("通道 " + c, "Channel " + c, "", "", "基准", "Bench", c, List.of()),
                    "bench");
            ids.add(jdbc.queryForObject("select id from channel where slug = ?", Long.class, "bench-" + c));
        }
        clock.set(now);
        long rows = fillHistory(ids, start, now);

        Instant from = now.minus(Duration.ofDays(StatusSnapshot.UPTIME_DAYS + 1));
        double[] read = measure(() -> channels.timelines(from));
        List<StateTimeline> timelines = channels.timelines(from);
        double[] compute = measure(() -> timelines.stream()
                .map(t -> Uptime.daily(t, List.of(), properties.zone(), now, StatusSnapshot.UPTIME_DAYS))
                .toList());
        double[] rebuild = measure(snapshots::rebuild);

        List<DayBar> bars = snapshots.current().uptime("bench-0", properties.zone(), now, StatusSnapshot.UPTIME_DAYS);
        assertThat(bars).hasSize(StatusSnapshot.UPTIME_DAYS);
        assertThat(bars).allSatisfy(b -> assertThat(b.hasData()).isTrue());

        System.out.printf(
                "UPTIME-BENCH db=%s channels=%d history-rows=%d | read 90 days: median %.1f ms, p95 %.1f ms"
                        + " | compute 20x90 bars: median %.2f ms, p95 %.2f ms | whole snapshot rebuild: median %.1f ms,"
                        + " p95 %.1f ms%n",
                database(), CHANNELS, rows, read[0], read[1], compute[0], compute[1], rebuild[0], rebuild[1]);
    }

    /** Alternating outages and recoveries at random times of day, two changes a day, for every channel. */
    private long fillHistory(List<Long> ids, Instant start, Instant end) {
        Random random = new Random(42);
        String[] states = {"unavailable", "maintenance", "degraded", "compliance_review"};
        long rows = 0;
        for (Long id : ids) {
            List<Object[]> batch = new ArrayList<>();
            String current = "available";
            for (Instant day = start; day.isBefore(end.minus(Duration.ofDays(1))); day = day.plus(Duration.ofDays(1))) {
                long outageAt = random.nextInt(20 * 3600);
                long outageLength = 60 + random.nextInt(3 * 3600);
                String down = states[random.nextInt(states.length)];
                batch.add(row(id, current, down, day.plusSeconds(outageAt)));
                batch.add(row(id, down, "available", day.plusSeconds(outageAt + outageLength)));
                current = "available";
            }
            jdbc.batchUpdate(
                    "insert into channel_state_change (channel_id, from_state, to_state, changed_at, changed_by, reason)"
                            + " values (?, ?, ?, ?, 'bench', null)",
                    batch);
            rows += batch.size();
        }
        return rows;
    }

    private static Object[] row(Long id, String from, String to, Instant at) {
        return new Object[] {id, from, to, Timestamp.from(at)};
    }

    /** Median and 95th percentile in milliseconds of 30 runs after 10 to warm up. */
    private static double[] measure(Supplier<?> work) {
        for (int i = 0; i < 10; i++) {
            work.get();
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long begin = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]};
    }
}
