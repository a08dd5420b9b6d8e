package com.paystatus.security;

import com.paystatus.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Caps JSON bodies sent to the admin API at 64 KB (the alert receivers at 4 MB): a declared larger body is refused with 413 before
 * anything reads it, and a chunked one stops being read at the cap (and fails as unreadable JSON).
 * Form posts are capped by Tomcat ({@code server.tomcat.max-http-form-post-size}); each field by
 * Bean Validation and the services' own limits.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final int MAX_JSON_BYTES = 64 * 1024;

    /** A monitoring tool's batch (Alertmanager sends every alert of a group at once): 1,000 alerts fit. */
    static final int MAX_ALERT_BATCH_BYTES = 4 * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminApiBodyLimit(
            MessageSource messages, LocaleResolver locales, ProblemWriter problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                int max = SecurityConfig.isAlertReceiver(request.getRequestURI())
                        ? MAX_ALERT_BATCH_BYTES
                        : MAX_JSON_BYTES;
                if (request.getContentLengthLong() > max) {
                    var locale = locales.resolveLocale(request);
                    response.setHeader("Connection", "close");
                    problems.write(
                            response,
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            messages.getMessage("problem.tooLarge.title", null, locale),
                            messages.getMessage("problem.tooLarge.detail", new Object[] {max / 1024}, locale),
                            null);
                    return;
                }
                chain.doFilter(new Capped(request, max), response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Stops reading a body (of unknown length) at the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final int max;

        Capped(HttpServletRequest request, int max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > max) {
                        throw new IOException("request body over " + max + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > max) {
                        throw new IOException("request body over " + max + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
