package com.paystatus.status.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A switch that tests flip to make the application fail, or stall, while it renders one public
 * path: what a broken template, a bad stored value or a slow database would do to a render.
 */
public class RenderFaults implements HandlerInterceptor {

    private volatile String failing;
    private volatile String held;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);

    /** Every render of {@code path} throws, until {@link #reset()}. */
    public void fail(String path) {
        failing = path;
    }

    /** The next render of {@code path} waits until the returned latch is counted down. */
    public CountDownLatch hold(String path) {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        held = path;
        return release;
    }

    /** Waits until a render of the held path has started. */
    public boolean awaitHeldRender(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    public void reset() {
        failing = null;
        held = null;
        release.countDown();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String path = request.getRequestURI();
        if (path.equals(failing)) {
            throw new IllegalStateException("render fault injected by a test for " + path);
        }
        if (path.equals(held)) {
            held = null;
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
        }
        return true;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        RenderFaults renderFaults() {
            return new RenderFaults();
        }

        @Bean
        WebMvcConfigurer renderFaultsInterceptor(RenderFaults faults) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(faults);
                }
            };
        }
    }
}
