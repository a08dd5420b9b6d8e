package com.paystatus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recovery figures on a fixed history: percentiles by nearest rank, estimates held, the range from five. */
class RecoveryStatisticsTest {

    static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");

    /** A fault on fenfu-online recovered after {@code minutes}, first estimated at {@code estimate} minutes (or none). */
    static NoticeRecord recovered(int i, String slug, NoticeKind kind, long minutes, Long estimate) {
        Instant created = T0.plus(Duration.ofDays(i));
        Instant resolved = created.plus(Duration.ofMinutes(minutes));
        Instant eta = estimate == null ? null : created.plus(Duration.ofMinutes(estimate));
        return new NoticeRecord(
                i,
                "t" + i,
                kind,
                NoticeStatus.RESOLVED,
                Map.of(slug, ChannelState.UNAVAILABLE),
                null,
                created,
                "ops",
                resolved,
                null,
                null,
                1,
                List.of(
                        new NoticeRecord.Update(NoticeStatus.RESOLVED, "好了", null, resolved, "ops"),
                        new NoticeRecord.Update(NoticeStatus.INVESTIGATING, "排查中", eta, created, "ops")));
    }

    @Test
    void medianP80AndHowOftenTheFirstEstimateHeldPerChannelAndKind() {
        List<NoticeRecord> history = new ArrayList<>();
        long[] minutes = {30, 40, 45, 60, 80, 120};
        Long[] estimates = {60L, 30L, null, 60L, 60L, 90L};
        for (int i = 0; i < minutes.length; i++) {
            history.add(recovered(i, "fenfu-online", NoticeKind.FAULT, minutes[i], estimates[i]));
        }
        history.add(recovered(10, "fenfu-online", NoticeKind.MAINTENANCE, 20, 30L));
        history.add(recovered(11, "bank-card", NoticeKind.FAULT, 15, null));

        List<RecoveryStatistics.Figures> figures = RecoveryStatistics.of(history);

        RecoveryStatistics.Figures faults = figures.stream()
                .filter(f -> f.channel().equals("fenfu-online") && f.kind() == NoticeKind.FAULT)
                .findFirst()
                .orElseThrow();
        assertThat(faults.recoveries()).isEqualTo(6);
        assertThat(faults.medianMinutes()).isEqualTo(45); // rank 3 of 6
        assertThat(faults.p80Minutes()).isEqualTo(80); // rank 5 of 6
        assertThat(faults.estimated()).isEqualTo(5);
        assertThat(faults.held()).isEqualTo(2); // 30 by 60, 60 by 60; not 40 by 30, 80 by 60, 120 by 90
        assertThat(faults.rangeFromMinutes()).isEqualTo(40);
        assertThat(faults.rangeToMinutes()).isEqualTo(80);

        RecoveryStatistics.Figures maintenance = figures.stream()
                .filter(f -> f.kind() == NoticeKind.MAINTENANCE)
                .findFirst()
                .orElseThrow();
        assertThat(maintenance.recoveries()).isEqualTo(1);
        assertThat(maintenance.held()).isEqualTo(1);
        // fewer than five recoveries: no range from history
        assertThat(maintenance.rangeFromMinutes()).isNull();
        assertThat(figures)
                .extracting(RecoveryStatistics.Figures::channel)
                .containsExactly("bank-card", "fenfu-online", "fenfu-online");
    }
}
