package com.paystatus.support;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock: 2026-11-25 10:00 in Shanghai (02:00 UTC) unless a test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    public static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

    /** Starts at {@code test.clock.start} when a test sets it (to restart the app later in time). */
    @Bean
    @Primary
    TestClock testClock(@Value("${test.clock.start:}") String start) {
        return new TestClock(start.isBlank() ? START : Instant.parse(start));
    }
}
