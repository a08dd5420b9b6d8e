package com.paystatus.report;

import com.paystatus.shared.OperatorAlert;
import java.time.Instant;
import java.util.Locale;

/**
 * The detector flagged a channel, or raised its flag from possible to detected: for the operators'
 * robots and webhooks (the subscriptions feature delivers every {@link OperatorAlert}). Not a public
 * change: it changes no state and bumps no revision.
 *
 * @param level {@code possible} or {@code detected}
 * @param reports5m reports in the last 5 minutes
 * @param expected5m what is typical for 5 minutes of this hour of the week (never below the floor)
 * @param since the minute the flag went up
 */
public record ReportSpikeDetected(
        String channelSlug, String symptom, String level, long reports5m, double expected5m, Instant since)
        implements OperatorAlert {

    @Override
    public String alertKind() {
        return "report.spike";
    }

    @Override
    public String alertChannelSlug() {
        return channelSlug;
    }

    @Override
    public String alertTitle() {
        return ("detected".equals(level) ? "用户反馈激增，很可能有问题：" : "用户反馈异常增多，可能有问题：")
                + channelSlug
                + "（"
                + symptomText()
                + "）";
    }

    @Override
    public String alertText() {
        return String.format(
                Locale.ROOT,
                "过去 5 分钟 %d 位用户反馈「%s」，此时段通常约 %.1f 位（自 %s 起）。请核实；管理后台可一键起草公告。",
                reports5m,
                symptomText(),
                expected5m,
                since);
    }

    @Override
    public String alertPath() {
        return "/admin";
    }

    private String symptomText() {
        return switch (symptom == null ? "" : symptom) {
            case "unavailable" -> "暂不能使用";
            case "payment_failed" -> "付款失败";
            case "limit" -> "额度异常";
            case "cannot_open" -> "打不开";
            default -> "其他";
        };
    }
}
