package com.paystatus.report;

/**
 * Decides from one channel's and symptom's reports per minute whether something is wrong, against
 * the count expected for this hour of the week. Pure: the same series always gives the same answer,
 * so every instance shows the same signal and the tests can feed it made-up series.
 *
 * <p>A minute is abnormal when its 5-minute window (it and the 4 before) holds at least {@code
 * minReports} reports and a Poisson count with the expected mean (never below the floor) reaches it
 * with a probability under {@code possibleTail}. It is detected when the probability is under {@code
 * detectedTail}, or when the window 5 minutes earlier was abnormal too (sustained for two windows).
 * A flag lasts while abnormal minutes follow each other less than 15 minutes apart: it is cleared
 * after 15 quiet minutes, and its level is the highest seen since the flag went up.
 */
final class SpikeDetector {

    static final int WINDOW = 5;
    static final int QUIET = 15;

    private final double floorPer5Minutes;
    private final int minReports;
    private final double possibleTail;
    private final double detectedTail;

    SpikeDetector(double floorPer5Minutes, int minReports, double possibleTail, double detectedTail) {
        this.floorPer5Minutes = floorPer5Minutes;
        this.minReports = minReports;
        this.possibleTail = possibleTail;
        this.detectedTail = detectedTail;
    }

    static SpikeDetector of(ReportProperties p) {
        return new SpikeDetector(p.floorPer5Minutes(), p.minReports(), p.possibleTail(), p.detectedTail());
    }

    /** The assessment at the last minute of the series, with the same typical count for every minute. */
    Assessment assess(long[] perMinute, double expectedPerMinute) {
        double[] expected = new double[perMinute.length];
        java.util.Arrays.fill(expected, expectedPerMinute);
        return assess(perMinute, expected);
    }

    /**
     * The assessment at the last minute of the series.
     *
     * @param perMinute reports per minute, oldest first, the last being the current minute
     * @param expectedPerMinute the typical reports of each of those minutes (from its hour of the
     *     week), so that a window across the end of a busy hour is held to both hours
     * @return the level, how many minutes ago the flag went up (0 when none), the last window's
     *     count and what was expected of it
     */
    Assessment assess(long[] perMinute, double[] expectedPerMinute) {
        int n = perMinute.length;
        long last = n == 0 ? 0 : window(perMinute, n - 1);
        double lastExpected = n == 0 ? floorPer5Minutes : expected(expectedPerMinute, n - 1);
        int lastAbnormal = -1;
        for (int t = n - 1; t >= Math.max(0, n - QUIET); t--) {
            if (abnormal(perMinute, expectedPerMinute, t)) {
                lastAbnormal = t;
                break;
            }
        }
        if (lastAbnormal < 0) {
            return new Assessment(SpikeLevel.NONE, 0, last, lastExpected);
        }
        int start = lastAbnormal;
        for (int t = lastAbnormal - 1; t >= 0 && start - t <= QUIET; t--) {
            if (abnormal(perMinute, expectedPerMinute, t)) {
                start = t;
            }
        }
        SpikeLevel level = SpikeLevel.POSSIBLE;
        for (int t = start; t < n; t++) {
            if (detected(perMinute, expectedPerMinute, t)) {
                level = SpikeLevel.DETECTED;
                break;
            }
        }
        return new Assessment(level, n - 1 - start, last, lastExpected);
    }

    /** The detector's answer; {@code minutesSince} counts back from the current minute. */
    record Assessment(SpikeLevel level, int minutesSince, long reports5m, double expected5m) {}

    private boolean abnormal(long[] series, double[] expected, int t) {
        long k = window(series, t);
        return k >= minReports && poissonTail(k, expected(expected, t)) < possibleTail;
    }

    private boolean detected(long[] series, double[] expected, int t) {
        if (!abnormal(series, expected, t)) {
            return false;
        }
        return poissonTail(window(series, t), expected(expected, t)) < detectedTail
                || (t - WINDOW >= 0 && abnormal(series, expected, t - WINDOW));
    }

    /** What the window ending at minute t should hold: its minutes' typical counts, never below the floor. */
    private double expected(double[] perMinute, int t) {
        double sum = 0;
        for (int i = Math.max(0, t - WINDOW + 1); i <= t; i++) {
            sum += perMinute[i];
        }
        return Math.max(floorPer5Minutes, sum);
    }

    private static long window(long[] series, int t) {
        long sum = 0;
        for (int i = Math.max(0, t - WINDOW + 1); i <= t; i++) {
            sum += series[i];
        }
        return sum;
    }

    /**
     * P(X >= k) for X ~ Poisson(mean). The terms are summed relative to the largest one and scaled
     * once in log space, so that a flood (thousands of reports against a mean of 2, whose terms are
     * all below the smallest double) costs a few dozen steps and a busy channel's quiet minutes (a
     * few reports against a mean of thousands) is not taken for a spike: summing the raw terms ran a
     * million steps of zeros, or of subnormal numbers, for each window, and called such a tail 0.
     */
    static double poissonTail(long k, double mean) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > mean) {
            // P(X >= k) = P(X = k) * (1 + mean/(k+1) + mean^2/((k+1)(k+2)) + ...), a series that shrinks
            return Math.min(1.0, Math.exp(logPoisson(k, mean) + Math.log(relativeSum(k, mean, +1))));
        }
        // at or below the mean: 1 - P(X <= k-1), with P(X <= k-1) = P(X = k-1) * (1 + (k-1)/mean + ...)
        double below = Math.exp(logPoisson(k - 1, mean) + Math.log(relativeSum(k - 1, mean, -1)));
        return Math.max(0.0, Math.min(1.0, 1.0 - below));
    }

    /** ln P(X = k) for X ~ Poisson(mean). */
    private static double logPoisson(long k, double mean) {
        return -mean + k * Math.log(mean) - logFactorial(k);
    }

    /**
     * The sum of the terms from k outwards (upwards for +1, downwards to 0 for -1), each relative to
     * the term at k, which is the largest of them: it lies between 1 and a few thousand.
     */
    private static double relativeSum(long k, double mean, int direction) {
        double term = 1.0;
        double sum = 1.0;
        for (long j = k; direction > 0 || j > 0; j += direction) {
            term *= direction > 0 ? mean / (j + 1) : j / mean;
            sum += term;
            if (term < sum * 1e-16) {
                break;
            }
        }
        return sum;
    }

    /** ln(k!), exact for small k, Stirling's series above (error under 1e-10 there). */
    static double logFactorial(long k) {
        if (k < 30) {
            double sum = 0;
            for (int i = 2; i <= k; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        double x = k;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
