package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.paystatus.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private LoginThrottledException refusal(String user, String address) {
        return catchThrowableOfType(LoginThrottledException.class, () -> throttle.check(user, address));
    }

    @Test
    void waitsDoubleAfterFiveFailuresAndTenLockForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusal("Alice", "10.0.0.1")).isNull();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(refusal("alice", "10.0.0.2").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("alice", "10.0.0.1");
        assertThat(refusal("alice", "10.0.0.3").retryAfter()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 7; i <= 9; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.failed("alice", "10.0.0.1")).containsEntry("user/alice", LoginThrottle.Outcome.COUNTED);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.failed("alice", "10.0.0.1")).containsEntry("user/alice", LoginThrottle.Outcome.LOCKED);
        LoginThrottledException locked = refusal("alice", "192.168.1.1");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.minutes()).isEqualTo(15);
        assertThat(refusal("bob", "192.168.1.1")).isNull();

        clock.advance(Duration.ofMinutes(15));
        assertThatCode(() -> throttle.check("alice", "10.0.0.9")).doesNotThrowAnyException();
        throttle.failed("alice", "10.0.0.9");
        assertThat(refusal("alice", "10.0.0.9"))
                .as("counting starts over after a lock")
                .isNull();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(refusal("carol", "10.0.0.1")).isNotNull();
        throttle.succeeded("carol");
        assertThat(refusal("carol", "10.0.0.1")).isNotNull();
        assertThat(refusal("carol", "10.0.0.2")).isNull();
    }
}
