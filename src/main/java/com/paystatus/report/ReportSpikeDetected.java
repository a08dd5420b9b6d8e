package com.paystatus.report;

import com.paystatus.shared.OperatorAlert;
import com.paystatus.shared.OperatorTexts;
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
        return text(
                "detected".equals(level) ? "report.alert.title.detected" : "report.alert.title.possible",
                channelSlug,
                symptomText());
    }

    @Override
    public String alertText() {
        return text(
                "report.alert.text",
                reports5m,
                symptomText(),
                String.format(Locale.ROOT, "%.1f", expected5m),
                since == null ? "" : since.toString());
    }

    @Override
    public String alertPath() {
        return "/admin";
    }

    private String symptomText() {
        return switch (symptom == null ? "" : symptom) {
            case "unavailable" -> text("report.symptom.unavailable");
            case "payment_failed" -> text("report.symptom.payment_failed");
            case "limit" -> text("report.symptom.limit");
            case "cannot_open" -> text("report.symptom.cannot_open");
            default -> text("report.symptom.other");
        };
    }

    /** In the operators' language, read without the application's context: a record words itself. */
    private static String text(String key, Object... args) {
        return OperatorTexts.bundled().text(key, args);
    }
}
