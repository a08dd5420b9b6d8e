package com.paystatus.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * For tests that talk to the app over real HTTP on a random port, with the test clock: {@code http}
 * is ready before each test, and the clock is back at its start after each.
 */
public abstract class HttpTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfig.START);
    }
}
