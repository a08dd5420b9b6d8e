package com.paystatus.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.paystatus.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address a webhook may not be sent to, and why. */
class OutboundUrlsTest {

    static final OutboundUrls STRICT = new OutboundUrls(false);
    static final OutboundUrls PRIVATE_ALLOWED = new OutboundUrls(true);

    static String refusal(OutboundUrls urls, String url) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> urls.check("url", url));
        assertThat(refused).as(url).isNotNull();
        assertThat(refused.violations())
                .extracting(InvalidInputException.Violation::field)
                .containsOnly("url");
        return refused.violations().get(0).messageKey();
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com/hook, validation.url.https",
        "ftp://example.com/hook, validation.url.https",
        "https://127.0.0.1/hook, validation.url.private",
        "https://127.1.2.3/hook, validation.url.private",
        "https://localhost/hook, validation.url.private",
        "https://[::1]/hook, validation.url.private",
        "https://10.0.0.1/hook, validation.url.private",
        "https://172.16.5.4/hook, validation.url.private",
        "https://192.168.1.1/hook, validation.url.private",
        "https://169.254.169.254/latest/meta-data, validation.url.private",
        "https://[fe80::1]/hook, validation.url.private",
        "https://[fc00::1]/hook, validation.url.private",
        "https://[fd12:3456::1]/hook, validation.url.private",
        "https://100.64.0.1/hook, validation.url.private",
        "https://0.0.0.0/hook, validation.url.private",
        "https://224.0.0.1/hook, validation.url.private",
        "https://[ff02::1]/hook, validation.url.private",
        "https://[::ffff:127.0.0.1]/hook, validation.url.private",
        "https://[::ffff:10.0.0.1]/hook, validation.url.private",
        "https://0x7f000001/hook, validation.url.unknownHost",
        "https://2130706433/hook, validation.url.private",
        "https://user:pass@example.com/hook, validation.url",
        "/relative/hook, validation.url",
        "https://exa mple.com/, validation.url",
        "https://no-such-host.invalid/hook, validation.url.unknownHost"
    })
    void refused(String url, String why) {
        assertThat(refusal(STRICT, url)).isEqualTo(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blankIsRequired(String url) {
        assertThat(refusal(STRICT, url)).isEqualTo("validation.required");
    }

    @org.junit.jupiter.api.Test
    void tooLongIsRefused() {
        assertThat(refusal(STRICT, "https://example.com/" + "a".repeat(OutboundUrls.MAX_LENGTH)))
                .isEqualTo("validation.tooLong");
    }

    @org.junit.jupiter.api.Test
    void withPrivateTargetsAllowedPlainHttpGoesToLoopbackOnly() {
        assertThatCode(() -> PRIVATE_ALLOWED.check("url", "http://127.0.0.1:8080/hook"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PRIVATE_ALLOWED.check("url", "https://10.0.0.1/hook"))
                .doesNotThrowAnyException();
        assertThat(refusal(PRIVATE_ALLOWED, "http://10.0.0.1/hook")).isEqualTo("validation.url.https");
    }
}
