package com.paystatus.status;

import com.paystatus.notice.NoticeRecord;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The line under an open notice that gives no estimate: 「同类问题过去通常在 40–80 分钟内恢复」, from the
 * recoveries of the same kind on its channels ({@link RecoveryRanges}), the first channel that has a range.
 * Read by the templates as {@code @recoveryHint}; the pages are rendered once per revision and a
 * resolution moves the revision, so the range is never older than the page.
 */
@Component("recoveryHint")
public class RecoveryHint {

    private final ObjectProvider<RecoveryRanges> ranges;
    private final MessageSource messages;

    RecoveryHint(ObjectProvider<RecoveryRanges> ranges, MessageSource messages) {
        this.ranges = ranges;
        this.messages = messages;
    }

    /** The line to show, or null: the notice is resolved, gives an estimate, or history says nothing. */
    public String of(NoticeRecord notice, Locale locale) {
        RecoveryRanges source = ranges.getIfAvailable();
        if (source == null || !notice.isOpen() || notice.estimatedRecoveryAt() != null) {
            return null;
        }
        return notice.channels().keySet().stream()
                .map(slug -> source.typical(slug, notice.kind()))
                .flatMap(Optional::stream)
                .findFirst()
                .map(r -> messages.getMessage("eta.history", new Object[] {r.fromMinutes(), r.toMinutes()}, locale))
                .orElse(null);
    }
}
