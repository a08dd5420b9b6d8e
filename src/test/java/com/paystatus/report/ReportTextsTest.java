package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.shared.OperatorTexts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The answer's words, kept per language and figures, still say the figures of the moment. */
class ReportTextsTest {

    private final ReportTexts texts = new ReportTexts(OperatorTexts.messageBundle());

    @Test
    void theWordsFollowTheFiguresAndTheLanguage() {
        ReportTexts.Texts before = texts.of(Locale.ENGLISH, false, 3, 1);
        assertThat(before.message()).startsWith("3 user reports in the last 15 minutes; usually about 1");
        assertThat(before.checks()).hasSize(4);
        // the next flush moved the counts: the answer says so
        assertThat(texts.of(Locale.ENGLISH, false, 40, 1).message()).startsWith("40 user reports");
        assertThat(texts.of(Locale.SIMPLIFIED_CHINESE, false, 40, 1).message()).startsWith("过去 15 分钟 40 位用户反馈");
        assertThat(texts.of(Locale.ENGLISH, false, 3, 1)).isEqualTo(before);
    }

    @Test
    void aKnownTroubleSaysItIsNotYouAndAsksNoChecks() {
        ReportTexts.Texts known = texts.of(Locale.ENGLISH, true, 40, 1);
        assertThat(known.message()).isEqualTo("Yes, it is not you: this problem is known.");
        assertThat(known.checks()).isEmpty();
    }

    @Test
    void aLongFloodOfChangingFiguresKeepsFewTexts() {
        for (int n = 0; n < 10 * ReportTexts.MAX_KEPT; n++) {
            assertThat(texts.of(Locale.ENGLISH, false, n, 1).message()).startsWith(String.format("%,d user", n));
        }
        assertThat(texts.kept()).isLessThanOrEqualTo(ReportTexts.MAX_KEPT);
    }
}
