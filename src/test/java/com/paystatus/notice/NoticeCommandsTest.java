package com.paystatus.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The commands both doors post carry the text limits, checked once by Bean Validation. */
class NoticeCommandsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> problems(Object command) {
        return VALIDATOR.validate(command).stream()
                .map(v -> v.getPropertyPath() + ":" + v.getMessageTemplate().replaceAll("[{}]", ""))
                .toList();
    }

    private static NoticeDraft notice(String title, String message) {
        return new NoticeDraft(title, "fault", message, Map.of("fenfu-online", "unavailable"), null, Estimate.UNKNOWN);
    }

    @Test
    void blankOrOverlongTextIsRefusedWithEveryProblemAtOnce() {
        assertThat(problems(notice(" ", "x".repeat(2001))))
                .containsExactlyInAnyOrder("title:validation.required", "message:validation.tooLong");
        assertThat(problems(notice("x".repeat(121), "ok"))).containsExactly("title:validation.tooLong");
        assertThat(problems(notice("x".repeat(NoticeDraft.MAX_TITLE), "x".repeat(NoticeDraft.MAX_MESSAGE))))
                .isEmpty();
    }

    @Test
    void anUpdateNeedsAMessageWithinTheSameLimit() {
        assertThat(problems(new UpdateDraft("identified", "", Estimate.UNKNOWN, null)))
                .containsExactly("message:validation.required");
        assertThat(problems(new UpdateDraft("identified", "x".repeat(2001), Estimate.UNKNOWN, null)))
                .containsExactly("message:validation.tooLong");
    }
}
