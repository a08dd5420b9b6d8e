package com.paystatus.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A channel's user reports: the last 15 minutes against what is typical for this hour of the week,
 * the detector's signal, and the last 24 hours by hour (oldest first) against their typical counts.
 *
 * @param signal {@code none}, {@code possible} or {@code detected}
 */
public record ReportFigures(
        long reports15m, long typical15m, String signal, List<Long> hourly, List<Long> typicalHourly) {

    public static final ReportFigures EMPTY =
            new ReportFigures(0, 0, "none", Collections.nCopies(24, 0L), Collections.nCopies(24, 0L));

    /** One hour of the sparkline, in the SVG's units (24 columns of 4, 20 high). */
    public record Bar(int x, int height, int typicalY, long reports, long typical) {}

    /** The sparkline's bars, scaled to the highest of the counts and their typical values. */
    public List<Bar> bars() {
        long top = 1;
        for (int i = 0; i < hourly.size(); i++) {
            top = Math.max(top, Math.max(hourly.get(i), typicalHourly.get(i)));
        }
        List<Bar> bars = new ArrayList<>(hourly.size());
        for (int i = 0; i < hourly.size(); i++) {
            long r = hourly.get(i);
            long t = typicalHourly.get(i);
            int height = r == 0 ? 0 : (int) Math.max(1, Math.round(20.0 * r / top));
            int typicalY = 20 - (int) Math.round(20.0 * t / top);
            bars.add(new Bar(i * 4, height, typicalY, r, t));
        }
        return bars;
    }

    public boolean hasReports() {
        return hourly.stream().anyMatch(r -> r > 0) || reports15m > 0;
    }
}
