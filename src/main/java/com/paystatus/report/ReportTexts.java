package com.paystatus.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a report's answer, formatted once per language and figures and then shared: the
 * figures move only when the counts are flushed (every few seconds), while a flood brings thousands
 * of reports a second. Formatting each answer anew went through the message source's one shared
 * {@code MessageFormat} for {@code report.counts}, a lock that every report and every render of the
 * board (which shows the same sentence) queued on.
 */
@Component
class ReportTexts {

    /** Far more than the languages times the figures of one flush interval. */
    static final int MAX_KEPT = 1024;

    private final MessageSource messages;
    private final Cache<Key, Texts> kept =
            Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

    ReportTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** What the answer says, and what to check when it may be only the caller's trouble. */
    record Texts(String message, List<String> checks) {}

    private record Key(Locale locale, boolean known, long reports15m, long typical15m) {}

    /** The words for a channel whose trouble is {@code known}, or else for its report figures. */
    Texts of(Locale locale, boolean known, long reports15m, long typical15m) {
        Key key = known ? new Key(locale, true, 0, 0) : new Key(locale, false, reports15m, typical15m);
        return kept.get(key, this::format);
    }

    /** How many answers' words are kept now. */
    int kept() {
        kept.cleanUp();
        return (int) kept.estimatedSize();
    }

    private Texts format(Key key) {
        if (key.known()) {
            return new Texts(messages.getMessage("report.known.notYou", null, key.locale()), List.of());
        }
        return new Texts(
                messages.getMessage("report.counts", new Object[] {key.reports15m(), key.typical15m()}, key.locale()),
                List.of("report.check.limit", "report.check.account", "report.check.network", "report.check.app")
                        .stream()
                        .map(code -> messages.getMessage(code, null, key.locale()))
                        .toList());
    }
}
