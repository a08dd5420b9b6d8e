package com.paystatus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.shared.OperatorTexts;
import com.paystatus.shared.ProblemWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a flood only a few reports are worked on at once; the others wait their turn and are then
 * answered as usual, and only past the queue's length is one told to try again, in its language.
 * Pages and reads pass untouched.
 */
class ReportAdmissionTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final ReportAdmission.Gate gate = new ReportAdmission.Gate(
            1,
            1,
            OperatorTexts.messageBundle(),
            new FixedLocaleResolver(Locale.ENGLISH),
            new ProblemWriter(JsonMapper.builder().build()));

    private static MockHttpServletRequest report() {
        return new MockHttpServletRequest("POST", "/api/channels/alipay/reports");
    }

    @Test
    void reportsTakeTurnsAndOnlyOnePastTheQueueIsToldToRetry() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger worked = new AtomicInteger();
        MockHttpServletResponse first = new MockHttpServletResponse();
        CompletableFuture<Void> working = CompletableFuture.runAsync(() -> run(report(), first, () -> {
            worked.incrementAndGet();
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = new MockHttpServletResponse();
        CompletableFuture<Void> queued =
                CompletableFuture.runAsync(() -> run(report(), second, worked::incrementAndGet));
        long until = System.nanoTime() + LIMIT.toNanos();
        while (gate.waiting() < 1 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(gate.waiting()).as("the second waits its turn").isEqualTo(1);

        MockHttpServletResponse third = new MockHttpServletResponse();
        run(report(), third, worked::incrementAndGet);
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentAsString()).contains("Too many people are reporting right now");

        // a read of the board is never held up by reports
        MockHttpServletResponse page = new MockHttpServletResponse();
        run(new MockHttpServletRequest("GET", "/channels/alipay"), page, worked::incrementAndGet);
        assertThat(page.getStatus()).isEqualTo(200);

        release.countDown();
        working.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        queued.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(second.getStatus()).as("answered once its turn came").isEqualTo(200);
        assertThat(worked).hasValue(3); // the two reports and the page; not the one refused
        assertThat(gate.waiting()).isZero();
    }

    private void run(MockHttpServletRequest request, MockHttpServletResponse response, Runnable work) {
        try {
            gate.doFilter(request, response, (req, res) -> work.run());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
