package com.paystatus.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs the {@link StartupStep}s once the instance serves. The first try is on the main thread, where
 * Spring Boot's runners used to do this work; when it fails (PostgreSQL went away just as the port
 * opened) the instance does not exit: it keeps serving what it can (public pages from the last
 * snapshot) and a background thread tries the remaining steps again with exponential backoff
 * ({@link StartupRetry}) until all have succeeded. Until then the readiness probe says
 * OUT_OF_SERVICE: this is the {@code startupWork} member of the readiness health group.
 */
@Component
class StartupWork implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);

    private final List<StartupStep> steps;
    private final StartupRetry retry;
    private volatile int next;
    private volatile boolean done;
    private volatile Thread retrying;

    StartupWork(List<StartupStep> steps, StartupRetry retry) {
        this.steps = List.copyOf(steps);
        this.retry = retry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (runRemaining()) {
            return;
        }
        Thread thread = new Thread(this::retryUntilDone, "startup-retry");
        thread.setDaemon(true);
        retrying = thread;
        thread.start();
    }

    @Override
    public Health health() {
        return done ? Health.up().build() : Health.outOfService().build();
    }

    @Override
    public void destroy() {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void retryUntilDone() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.retryDelay().toMillis(), 2.0);
        backOff.setMaxInterval(
                Math.max(retry.retryDelay().toMillis(), retry.retryMaxDelay().toMillis()));
        BackOffExecution waits = backOff.start();
        while (!done) {
            try {
                Thread.sleep(waits.nextBackOff());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the application is shutting down
            }
            if (runRemaining()) {
                log.info("Start-up work done on a later try; this instance is ready");
            }
        }
    }

    /** Runs the steps not yet done, in order; false when one failed (it runs again on the next try). */
    private boolean runRemaining() {
        while (next < steps.size()) {
            StartupStep step = steps.get(next);
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn(
                        "Start-up step {} failed; serving what can be served, not ready, trying again: {}",
                        ClassUtils.getUserClass(step).getSimpleName(),
                        e.toString());
                log.debug("Start-up step failed", e);
                return false;
            }
            next++;
        }
        done = true;
        return true;
    }
}
