package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The detector on made-up series of reports per minute: real spikes are flagged within 5 minutes,
 * ordinary peaks that the same hour of past weeks had too are not, and a flag clears after 15 quiet
 * minutes.
 */
class SpikeDetectorTest {

    private final SpikeDetector detector = new SpikeDetector(2.0, 10, 1e-3, 1e-6);

    /** {@code minutes} minutes around {@code perMinute}, wobbling by one either way (never random). */
    private static long[] steady(int minutes, double perMinute) {
        long[] series = new long[minutes];
        for (int i = 0; i < minutes; i++) {
            series[i] = Math.max(0, Math.round(perMinute) + (i % 3) - 1);
        }
        return series;
    }

    private static long[] upTo(long[] series, int minute) {
        return Arrays.copyOf(series, minute + 1);
    }

    @Test
    void poissonTailsAreRight() {
        assertThat(SpikeDetector.poissonTail(1, 1.0)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        // P(X >= 10) for a mean of 2: 4.6498e-5
        assertThat(SpikeDetector.poissonTail(10, 2.0)).isCloseTo(4.6498e-5, within(1e-8));
        assertThat(SpikeDetector.poissonTail(0, 3.0)).isEqualTo(1.0);
        // deep tails stay accurate: P(X >= 200) for a mean of 100 is about 1.4e-18
        assertThat(SpikeDetector.poissonTail(200, 100.0)).isBetween(1e-19, 1e-17);
        assertThat(SpikeDetector.logFactorial(40)).isCloseTo(110.32064, within(1e-4));
    }

    @Test
    void aFloodOfReportsIsAssessedAtOnce() {
        // 10,000 reports a minute against a fifth of one: every term of the tail is below the smallest
        // double; the read model assesses each channel and symptom every few seconds
        long[] flood = new long[120];
        Arrays.fill(flood, 10_000);
        assertThat(SpikeDetector.poissonTail(2_000, 2.0)).isEqualTo(0.0);
        assertThat(SpikeDetector.poissonTail(200, 2.0)).isBetween(0.0, 1e-300);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int series = 0; series < 35; series++) {
                assertThat(detector.assess(flood, 0.2).level()).isEqualTo(SpikeLevel.DETECTED);
            }
        });
    }

    @Test
    void aBusyChannelsQuietMinutesAreNoSpike() {
        // 400 reports a minute are usual at this hour; then only 20 a minute
        assertThat(SpikeDetector.poissonTail(100, 2_000.0)).isCloseTo(1.0, within(1e-12));
        assertThat(SpikeDetector.poissonTail(2_000, 2_000.0)).isBetween(0.49, 0.52);
        long[] series = steady(120, 400);
        for (int i = 115; i < 120; i++) {
            series[i] = 20;
        }
        assertThat(detector.assess(series, 400).level()).isEqualTo(SpikeLevel.NONE);
    }

    @Test
    void aRealSpikeOnAQuietChannelIsFlaggedWithinFiveMinutes() {
        long[] series = steady(120, 0.2);
        int start = 90;
        for (int i = start; i < 120; i++) {
            series[i] = 6; // an outage: six people a minute say it fails
        }
        int flaggedAt = -1;
        for (int t = 0; t < 120; t++) {
            SpikeLevel level = detector.assess(upTo(series, t), 0.2).level();
            if (t < start) {
                assertThat(level).as("minute %d, before the outage", t).isEqualTo(SpikeLevel.NONE);
            } else if (level.isFlagged() && flaggedAt < 0) {
                flaggedAt = t;
            }
        }
        assertThat(flaggedAt - start).isBetween(0, 4);
        SpikeDetector.Assessment now = detector.assess(series, 0.2);
        assertThat(now.level()).isEqualTo(SpikeLevel.DETECTED);
        assertThat(now.minutesSince()).isEqualTo(119 - flaggedAt);
        assertThat(now.reports5m()).isEqualTo(30);
        assertThat(now.expected5m()).isEqualTo(2.0); // the floor: a fifth of a report a minute is 1 in 5 minutes
    }

    @Test
    void aModerateRiseIsPossibleFirstAndDetectedWhenItLastsTwoWindows() {
        // a busy channel, 10 reports a minute at this hour; then 15 a minute
        long[] series = steady(120, 10);
        int start = 100;
        for (int i = start; i < 120; i++) {
            series[i] = 15;
        }
        SpikeDetector.Assessment early = detector.assess(upTo(series, start + 4), 10);
        assertThat(early.level()).isEqualTo(SpikeLevel.POSSIBLE);
        assertThat(SpikeDetector.poissonTail(early.reports5m(), 50)).isBetween(1e-6, 1e-3);
        assertThat(detector.assess(upTo(series, start + 9), 10).level()).isEqualTo(SpikeLevel.DETECTED);
    }

    @Test
    void anEveningPeakTwiceTheMiddayLevelIsNotFlaggedWhenPastWeeksHadItToo() {
        // a day by the minute: 4 reports a minute at midday, 8 in the evening (19:00-22:00)
        double[] typical = new double[1440];
        long[] day = new long[1440];
        for (int m = 0; m < 1440; m++) {
            typical[m] = m >= 19 * 60 && m < 22 * 60 ? 8 : 4;
        }
        long[] wobbling = steady(1440, 0);
        for (int m = 0; m < 1440; m++) {
            day[m] = Math.round(typical[m]) + wobbling[m];
        }
        boolean flaggedAgainstThisHour = false;
        boolean flaggedAgainstMidday = false;
        for (int t = 120; t < 1440; t++) {
            long[] series = Arrays.copyOfRange(day, t - 119, t + 1);
            double[] expected = Arrays.copyOfRange(typical, t - 119, t + 1);
            flaggedAgainstThisHour |= detector.assess(series, expected).level().isFlagged();
            flaggedAgainstMidday |= detector.assess(series, 4).level().isFlagged();
        }
        assertThat(flaggedAgainstThisHour).isFalse();
        // the same evening against a flat midday baseline would be an alarm every evening
        assertThat(flaggedAgainstMidday).isTrue();
    }

    @Test
    void aFlagClearsAfterFifteenQuietMinutes() {
        long[] series = new long[120];
        int end = 60;
        for (int i = 56; i <= end; i++) {
            series[i] = 50;
        }
        // the window of minute end + 4 still holds the last spike minute; end + 5 is the first quiet window
        int lastAbnormal = end + 4;
        assertThat(detector.assess(upTo(series, lastAbnormal + 14), 0).level()).isEqualTo(SpikeLevel.DETECTED);
        assertThat(detector.assess(upTo(series, lastAbnormal + 15), 0).level()).isEqualTo(SpikeLevel.NONE);
    }

    @Test
    void fewerThanTenReportsAreNeverASpikeAndNewInstallsHaveAFloor() {
        long[] nine = new long[30];
        nine[29] = 9; // improbable for a mean of 2 (p = 2.4e-4) but too few to mean anything
        assertThat(detector.assess(nine, 0).level()).isEqualTo(SpikeLevel.NONE);
        long[] ten = new long[30];
        ten[29] = 10;
        // no history at all (a new install): the floor of 2 in 5 minutes is the baseline
        SpikeDetector.Assessment a = detector.assess(ten, 0);
        assertThat(a.level()).isEqualTo(SpikeLevel.POSSIBLE);
        assertThat(a.expected5m()).isEqualTo(2.0);
    }
}
