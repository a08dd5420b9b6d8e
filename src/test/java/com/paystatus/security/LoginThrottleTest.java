package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.paystatus.shared.Networks;
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
    void waitsDoubleAfterFiveFailuresAndTenLockTheNetworkOutOfTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusal("Alice", "10.0.0.1")).isNull();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(refusal("alice", "10.0.0.2").retryAfter()).as("the same /24").isEqualTo(Duration.ofSeconds(1));
        assertThat(refusal("alice", "10.0.1.2")).as("another network").isNull();
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("alice", "10.0.0.1");
        assertThat(refusal("alice", "10.0.0.3").retryAfter()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 7; i <= 9; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.failed("alice", "10.0.0.1")).containsEntry("user/alice", LoginThrottle.Outcome.COUNTED);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.failed("alice", "10.0.0.1")).containsEntry("user/alice", LoginThrottle.Outcome.LOCKED);
        LoginThrottledException locked = refusal("alice", "10.0.0.200");
        assertThat(locked.locked()).isTrue();
        assertThat(locked.minutes()).isEqualTo(15);
        assertThat(refusal("alice", "192.168.1.1"))
                .as("the owner elsewhere is not locked out")
                .isNull();
        assertThat(refusal("bob", "10.0.5.1")).isNull();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThatCode(() -> throttle.check("alice", "10.0.0.9")).doesNotThrowAnyException();
        throttle.failed("alice", "10.0.0.9");
        assertThat(refusal("alice", "10.0.0.9"))
                .as("counting starts over after a lock")
                .isNull();
    }

    @Test
    void aSuccessClearsTheAccountOnItsNetworkButNotTheNetwork() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(refusal("carol", "10.0.0.1")).isNotNull();
        throttle.succeeded("carol", "10.0.0.1");
        assertThat(refusal("carol", "10.0.0.1")).isNotNull();
        assertThat(refusal("carol", "10.0.1.2")).isNull();
    }

    @Test
    void manyNetworksGuessingOneAccountSlowItDownWithoutLockingItsOwnerOut() {
        throttle.succeeded("dave", "198.51.100.7");
        for (int n = 1; n <= 40; n++) {
            String attacker = "203.0." + n + ".9";
            assertThat(refusal("dave", attacker)).as("guess " + n).isNull();
            throttle.failed("dave", attacker);
            if (n >= 20) {
                LoginThrottledException slowed = refusal("dave", "203.0.200.1");
                assertThat(slowed.locked()).isFalse();
                assertThat(slowed.retryAfter()).isEqualTo(Duration.ofSeconds(Math.min(60, 1L << (n - 20))));
                assertThat(refusal("dave", "198.51.100.200"))
                        .as("the owner's network")
                        .isNull();
                clock.advance(slowed.retryAfter());
            }
        }
        assertThat(refusal("dave", "2001:db8:1:2::5")).isNull();
    }

    @Test
    void networksAreSlash24ForIpv4AndSlash64ForIpv6() {
        assertThat(Networks.of("203.0.113.9")).isEqualTo("203.0.113.0/24");
        assertThat(Networks.of("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Networks.of("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Networks.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void theSecondsToWaitAreRoundedUp() {
        assertThat(new LoginThrottledException(Duration.ofMillis(6500), false).seconds())
                .isEqualTo(7);
        assertThat(new LoginThrottledException(Duration.ofMillis(10), false).seconds())
                .isEqualTo(1);
    }
}
