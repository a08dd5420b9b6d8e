package com.paystatus.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduling takes one command from both doors; its text limits are checked once, by Bean Validation. */
class MaintenanceCommandsTest {

    private static List<String> problems(Object command) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(command).stream()
                    .map(v -> v.getPropertyPath() + ":" + v.getMessageTemplate().replaceAll("[{}]", ""))
                    .toList();
        }
    }

    private static MaintenanceDraft window(String title, String message) {
        Instant start = Instant.parse("2026-11-28T18:00:00Z");
        return new MaintenanceDraft(title, message, List.of("alipay"), start, start.plusSeconds(7200));
    }

    @Test
    void blankOrOverlongTextIsRefusedWithEveryProblemAtOnce() {
        assertThat(problems(window("", "")))
                .containsExactlyInAnyOrder("title:validation.required", "message:validation.required");
        assertThat(problems(window(
                        "x".repeat(MaintenanceDraft.MAX_TITLE + 1), "x".repeat(MaintenanceDraft.MAX_MESSAGE + 1))))
                .containsExactlyInAnyOrder("title:validation.tooLong", "message:validation.tooLong");
        assertThat(problems(window("x".repeat(MaintenanceDraft.MAX_TITLE), "m")))
                .isEmpty();
    }

    @Test
    void anExtensionsMessageIsOptionalButKeepsTheSameLimit() {
        Instant end = Instant.parse("2026-11-28T20:00:00Z");
        assertThat(problems(new ExtendMaintenance(end, null))).isEmpty();
        assertThat(problems(new ExtendMaintenance(end, "x".repeat(MaintenanceDraft.MAX_MESSAGE + 1))))
                .containsExactly("message:validation.tooLong");
    }
}
