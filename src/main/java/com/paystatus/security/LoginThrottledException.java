package com.paystatus.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or address: try again after {@link #retryAfter()}. */
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

    /** Whole minutes to wait, at least one, for messages. */
    long minutes() {
        return Math.max(1, (retryAfter.getSeconds() + 59) / 60);
    }
}
