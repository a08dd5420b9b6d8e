package com.paystatus.report;

import com.paystatus.shared.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Lets only a few reports be worked on at once (one per processor unless {@code
 * paystatus.reports.concurrent} says otherwise); the others wait their turn, parked, and past
 * {@code paystatus.reports.waiting} of them, or after {@link #MAX_WAIT_SECONDS}, a report is answered
 * 503 with {@code Retry-After}. In a flood, sixty-four reports worked on at once were sixty-four
 * runnable threads against the one that reads the network and the few that serve {@code /} from the
 * page cache: the processors were shared out by thread, and the board fell to a few percent of its
 * rate. Parked threads ask for no processor. It runs once the body has arrived ({@code
 * security.RequestBodyDeadline}), before Spring Security and the controller, and takes no lock a
 * public page takes.
 */
@Configuration(proxyBeanMethods = false)
class ReportAdmission {

    static final long MAX_WAIT_SECONDS = 5;

    @Bean
    FilterRegistrationBean<Gate> reportAdmissionFilter(
            ReportProperties properties, MessageSource messages, LocaleResolver locales, ProblemWriter problems) {
        int concurrent = properties.concurrent() > 0
                ? properties.concurrent()
                : Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<Gate> registration =
                new FilterRegistrationBean<>(new Gate(concurrent, properties.waiting(), messages, locales, problems));
        registration.addUrlPatterns("/api/channels/*", "/channels/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        registration.setAsyncSupported(true);
        // after the body has arrived (RequestBodyDeadline is HIGHEST_PRECEDENCE + 1), before the rest
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    static final class Gate extends HttpFilter {

        private final Semaphore turns;
        private final int maxWaiting;
        private final AtomicInteger waiting = new AtomicInteger();
        private final MessageSource messages;
        private final LocaleResolver locales;
        private final ProblemWriter problems;

        Gate(int concurrent, int maxWaiting, MessageSource messages, LocaleResolver locales, ProblemWriter problems) {
            this.turns = new Semaphore(concurrent, true);
            this.maxWaiting = maxWaiting;
            this.messages = messages;
            this.locales = locales;
            this.problems = problems;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!isReport(request) || request.isAsyncStarted()) {
                // not a report, or its body is still arriving: it comes back here once it has
                chain.doFilter(request, response);
                return;
            }
            if (!turns.tryAcquire()) {
                if (waiting.incrementAndGet() > maxWaiting) {
                    waiting.decrementAndGet();
                    busy(request, response);
                    return;
                }
                boolean turn;
                try {
                    turn = turns.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    turn = false;
                } finally {
                    waiting.decrementAndGet();
                }
                if (!turn) {
                    busy(request, response);
                    return;
                }
            }
            try {
                chain.doFilter(request, response);
            } finally {
                turns.release();
            }
        }

        /** How many reports wait for their turn now. */
        int waiting() {
            return waiting.get();
        }

        static boolean isReport(HttpServletRequest request) {
            String path = request.getRequestURI();
            return "POST".equals(request.getMethod()) && path != null && path.endsWith("/reports");
        }

        private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Retry-After", "1");
            var locale = locales.resolveLocale(request);
            if (request.getRequestURI().startsWith("/api/")) {
                problems.write(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        messages.getMessage("report.busy.title", null, locale),
                        messages.getMessage("report.busy.detail", null, locale),
                        null);
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }
}
