package com.paystatus.report;

import com.paystatus.report.ReportCountStore.Row;
import com.paystatus.status.ReportFigures;
import com.paystatus.status.StatusSnapshots;
import com.paystatus.status.UserReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The counts the public sees and the detector's view, read from the database (so that every
 * instance's reports are in them) and kept in memory: refreshed after each flush, so a page, rendered
 * once a minute by the page cache, shows counts at most a minute old, and a report never touches the
 * status revision. The last 2 hours are read at every refresh, the last 24 hours once a minute, the
 * same hours of past weeks once an hour.
 */
@Component("userReports")
public class ReportReadModel implements UserReports {

    static final int SERIES_MINUTES = 120;
    private static final Duration WEEK = Duration.ofDays(7);

    private final ReportCountStore store;
    private final StatusSnapshots snapshots;
    private final ReportProperties properties;
    private final SpikeDetector detector;
    private final Clock clock;

    private volatile View view = new View(Map.of(), List.of());
    private Instant hourlyAt;
    private Map<String, long[]> hourly = Map.of();
    private volatile List<ReportHistory> history = List.of();
    private Instant typicalAt;
    private Typical typical = new Typical(Map.of(), Map.of());

    private record View(Map<String, ReportFigures> figures, List<ReportSpike> spikes) {}

    /**
     * Past weeks' mean counts for each of the 24 hours ending with the current one: per channel, and
     * per channel and symptom.
     */
    private record Typical(Map<String, double[]> hours, Map<String, double[]> bySymptom) {}

    ReportReadModel(ReportCountStore store, StatusSnapshots snapshots, ReportProperties properties, Clock clock) {
        this.store = store;
        this.snapshots = snapshots;
        this.properties = properties;
        this.detector = SpikeDetector.of(properties);
        this.clock = clock;
    }

    @Override
    public ReportFigures of(String slug) {
        return view.figures().getOrDefault(slug, ReportFigures.EMPTY);
    }

    /** Channels and symptoms flagged by the detector now, the strongest first. */
    public List<ReportSpike> spikes() {
        return view.spikes();
    }

    /** Reports per channel and symptom, by hour over the last 24 hours, for the admin's view. */
    public List<ReportHistory> history() {
        return history;
    }

    /** Reads the counts again; see the type's comment for what is read how often. */
    synchronized void refresh() {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant hour = minute.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = hour.minus(Duration.ofHours(23));
        if (!hour.equals(typicalAt)) {
            typical = typical(firstHour, hour);
            typicalAt = hour;
        }
        if (!minute.equals(hourlyAt)) {
            Map<String, long[]> byHour = new HashMap<>();
            Map<String, long[]> bySymptom = new HashMap<>();
            for (Row r : store.between(firstHour, hour.plus(Duration.ofHours(1)))) {
                int i = (int) Duration.between(firstHour, r.minute()).toHours();
                byHour.computeIfAbsent(r.slug(), s -> new long[24])[i] += r.reports();
                bySymptom.computeIfAbsent(r.slug() + "|" + r.symptom().code(), s -> new long[24])[i] += r.reports();
            }
            hourly = byHour;
            List<ReportHistory> rows = new ArrayList<>();
            for (String slug : snapshots.current().channels().keySet()) {
                for (Symptom symptom : Symptom.values()) {
                    long[] counts = bySymptom.get(slug + "|" + symptom.code());
                    if (counts != null) {
                        rows.add(new ReportHistory(
                                slug,
                                symptom,
                                firstHour,
                                Arrays.stream(counts).boxed().toList()));
                    }
                }
            }
            rows.sort(Comparator.comparing(ReportHistory::channelSlug).thenComparing(ReportHistory::symptom));
            history = List.copyOf(rows);
            hourlyAt = minute;
        }
        Instant seriesStart = minute.minus(Duration.ofMinutes(SERIES_MINUTES - 1));
        Map<String, long[]> series = new HashMap<>();
        for (Row r : store.between(seriesStart, minute.plus(Duration.ofMinutes(1)))) {
            int i = (int) Duration.between(seriesStart, r.minute()).toMinutes();
            series.computeIfAbsent(r.slug() + "|" + r.symptom().code(), k -> new long[SERIES_MINUTES])[i] +=
                    r.reports();
        }
        Set<String> slugs = snapshots.current().channels().keySet();
        Map<String, ReportFigures> figures = new HashMap<>();
        List<ReportSpike> spikes = new ArrayList<>();
        for (String slug : slugs) {
            long last15 = 0;
            SpikeLevel signal = SpikeLevel.NONE;
            for (Symptom symptom : Symptom.values()) {
                long[] s = series.getOrDefault(slug + "|" + symptom.code(), new long[SERIES_MINUTES]);
                for (int i = SERIES_MINUTES - 15; i < SERIES_MINUTES; i++) {
                    last15 += s[i];
                }
                double[] hours = typical.bySymptom().getOrDefault(slug + "|" + symptom.code(), new double[24]);
                double[] expected = new double[SERIES_MINUTES];
                for (int i = 0; i < SERIES_MINUTES; i++) {
                    Instant at = seriesStart.plus(Duration.ofMinutes(i));
                    int hourIndex = (int) Duration.between(firstHour, at).toHours();
                    expected[i] = at.isBefore(firstHour) ? 0 : hours[hourIndex] / 60.0;
                }
                SpikeDetector.Assessment a = detector.assess(s, expected);
                if (a.level().isFlagged()) {
                    spikes.add(new ReportSpike(
                            slug,
                            symptom,
                            a.level(),
                            a.reports5m(),
                            a.expected5m(),
                            minute.minus(Duration.ofMinutes(a.minutesSince()))));
                }
                signal = signal.max(a.level());
            }
            double[] typicalHours = typical.hours().getOrDefault(slug, new double[24]);
            long[] hours = hourly.getOrDefault(slug, new long[24]);
            List<Long> reportsByHour = new ArrayList<>(24);
            List<Long> typicalByHour = new ArrayList<>(24);
            for (int i = 0; i < 24; i++) {
                reportsByHour.add(hours[i]);
                typicalByHour.add(Math.round(typicalHours[i]));
            }
            figures.put(
                    slug,
                    new ReportFigures(
                            last15,
                            Math.round(typicalHours[23] / 4.0),
                            signal.code(),
                            List.copyOf(reportsByHour),
                            List.copyOf(typicalByHour)));
        }
        spikes.sort(Comparator.comparing((ReportSpike s) -> s.level().ordinal())
                .reversed()
                .thenComparing(ReportSpike::since));
        view = new View(Map.copyOf(figures), List.copyOf(spikes));
    }

    private Typical typical(Instant firstHour, Instant hour) {
        int weeks = properties.baselineWeeks();
        Map<String, double[]> hours = new HashMap<>();
        Map<String, double[]> bySymptom = new HashMap<>();
        for (int w = 1; w <= weeks; w++) {
            Instant from = firstHour.minus(WEEK.multipliedBy(w));
            Instant current = hour.minus(WEEK.multipliedBy(w));
            for (Row r : store.between(from, current.plus(Duration.ofHours(1)))) {
                int i = (int) Duration.between(from, r.minute()).toHours();
                hours.computeIfAbsent(r.slug(), s -> new double[24])[i] += (double) r.reports() / weeks;
                bySymptom.computeIfAbsent(r.slug() + "|" + r.symptom().code(), s -> new double[24])[i] +=
                        (double) r.reports() / weeks;
            }
        }
        return new Typical(hours, bySymptom);
    }

    /** Forgets what was read once a minute or hour, so the next refresh reads it again (tests). */
    synchronized void forget() {
        hourlyAt = null;
        typicalAt = null;
    }
}
