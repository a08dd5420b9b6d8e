package com.paystatus.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or network: try again after {@link #retryAfter()}. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;
    private final boolean locked;

    LoginThrottledException(Duration retryAfter, boolean locked) {
        super(locked ? "locked after repeated failures" : "too many attempts, slow down");
        this.retryAfter = retryAfter;
        this.locked = locked;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean locked() {
        return locked;
    }

    /** Whole seconds to wait, at least one: the {@code Retry-After} value and the number in the slow-down message. */
    long seconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whole minutes to wait, at least one, for messages. */
    long minutes() {
        return Math.max(1, (retryAfter.getSeconds() + 59) / 60);
    }
}
