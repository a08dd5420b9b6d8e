package com.paystatus.integration;

import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long recoveries took, per channel and notice kind, and how often the first estimate held: derived
 * from the resolved notices each time (nothing stored twice). A recovery is from posting to resolving;
 * the first estimate is the one given with the post (the oldest entry of the timeline).
 */
@Service
public class RecoveryStatistics {

    /** Fewer recoveries than this of a kind, and no range from history is offered. */
    public static final int MIN_FOR_RANGE = 5;

    private final NoticeService notices;

    RecoveryStatistics(NoticeService notices) {
        this.notices = notices;
    }

    /**
     * @param medianMinutes and {@code p80Minutes}: nearest-rank percentiles of the recovery times
     * @param estimated how many of them had a first estimate, {@code held} how many recovered by it
     * @param rangeFromMinutes and {@code rangeToMinutes}: the 20th to 80th percentile, null below {@link
     *     #MIN_FOR_RANGE} recoveries
     */
    public record Figures(
            String channel,
            NoticeKind kind,
            int recoveries,
            long medianMinutes,
            long p80Minutes,
            int estimated,
            int held,
            Long rangeFromMinutes,
            Long rangeToMinutes) {}

    @Transactional(readOnly = true)
    public List<Figures> all() {
        List<NoticeRecord> resolved = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            var slice = notices.history(null, null, page, 200);
            slice.getContent().stream().filter(n -> n.resolvedAt() != null).forEach(resolved::add);
            if (!slice.hasNext()) {
                break;
            }
        }
        return of(resolved);
    }

    static List<Figures> of(List<NoticeRecord> resolved) {
        Map<String, List<NoticeRecord>> groups = new TreeMap<>();
        for (NoticeRecord notice : resolved) {
            if (notice.resolvedAt() == null) {
                continue;
            }
            for (String channel : notice.channels().keySet()) {
                groups.computeIfAbsent(channel + "\u0000" + notice.kind().code(), k -> new ArrayList<>())
                        .add(notice);
            }
        }
        List<Figures> figures = new ArrayList<>();
        groups.forEach((key, list) -> {
            String channel = key.substring(0, key.indexOf('\u0000'));
            List<Long> minutes = list.stream()
                    .map(n -> Duration.between(n.createdAt(), n.resolvedAt()).toMinutes())
                    .sorted()
                    .toList();
            int estimated = 0;
            int held = 0;
            for (NoticeRecord notice : list) {
                Instant first = firstEstimate(notice);
                if (first != null) {
                    estimated++;
                    if (!notice.resolvedAt().isAfter(first)) {
                        held++;
                    }
                }
            }
            boolean range = minutes.size() >= MIN_FOR_RANGE;
            figures.add(new Figures(
                    channel,
                    list.get(0).kind(),
                    minutes.size(),
                    percentile(minutes, 50),
                    percentile(minutes, 80),
                    estimated,
                    held,
                    range ? percentile(minutes, 20) : null,
                    range ? percentile(minutes, 80) : null));
        });
        figures.sort(Comparator.comparing(Figures::channel)
                .thenComparing(f -> f.kind().code()));
        return figures;
    }

    private static Instant firstEstimate(NoticeRecord notice) {
        return notice.updates().isEmpty()
                ? null
                : notice.updates().get(notice.updates().size() - 1).estimatedRecoveryAt();
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
