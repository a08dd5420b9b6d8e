package com.paystatus.security;

import org.springframework.context.ApplicationContext;

/** Lets tests in a shared context start without the sign-in counts and locks other tests left. */
public final class ThrottleReset {

    private ThrottleReset() {}

    public static void clear(ApplicationContext context) {
        context.getBeanProvider(LoginThrottle.class).ifAvailable(LoginThrottle::clear);
    }
}
