package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.paystatus.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private String refusal(String username, String password) {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> policy.check("newPassword", username, password));
        return e == null ? null : e.violations().get(0).messageKey();
    }

    @Test
    void aLongPassphraseIsWelcomeWithoutDigitsOrSymbols() {
        assertThatCode(() -> policy.check("newPassword", "alice", "correct horse battery"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check("newPassword", "alice", "分付恢复之前先别慌张好吗"))
                .doesNotThrowAnyException();
    }

    @Test
    void shortLongNameBearingAndCommonPasswordsAreRefused() {
        assertThat(refusal("alice", "short")).isEqualTo("validation.password.tooShort");
        assertThat(refusal("alice", "x".repeat(129))).isEqualTo("validation.password.tooLong");
        assertThat(refusal("alice", "ALICE-forever-2026")).isEqualTo("validation.password.containsUsername");
        assertThat(refusal("bob", "Password1234")).isEqualTo("validation.password.common");
        assertThat(refusal("bob", "qwertyuiop123")).isEqualTo("validation.password.common");
        assertThat(refusal("bob", null)).isEqualTo("validation.password.tooShort");
    }
}
