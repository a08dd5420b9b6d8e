package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A spike alert reads the same in every robot and webhook: the channel, the symptom, the figures, in Chinese. */
class ReportSpikeWordsTest {

    @Test
    void aDetectedSpikeSaysWhatHowManyAndSinceWhen() {
        ReportSpikeDetected spike = new ReportSpikeDetected(
                "fenfu", "payment_failed", "detected", 61, 9.75, Instant.parse("2026-11-30T06:00:00Z"));

        assertThat(spike.alertTitle()).isEqualTo("用户反馈激增，很可能有问题：fenfu（付款失败）");
        assertThat(spike.alertText())
                .isEqualTo("过去 5 分钟 61 位用户反馈「付款失败」，此时段通常约 9.8 位（自 2026-11-30T06:00:00Z 起）。" + "请核实；管理后台可一键起草公告。");
    }

    @Test
    void aPossibleSpikeOfAnUnknownSymptomSaysOther() {
        ReportSpikeDetected spike = new ReportSpikeDetected("fenfu", "mystery", "possible", 12, 3.0, null);

        assertThat(spike.alertTitle()).isEqualTo("用户反馈异常增多，可能有问题：fenfu（其他）");
    }
}
