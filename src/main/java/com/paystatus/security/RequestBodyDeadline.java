package com.paystatus.security;

import com.paystatus.shared.PayStatusProperties;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Reads every request body before anything else sees the request, without holding a thread while it
 * waits: the body arrives through a non-blocking {@link ReadListener}, within a total deadline ({@code
 * paystatus.request-body.timeout}, default 10 s), and only a complete body is dispatched on to the
 * application (Spring Security, the login form, the controllers), which then reads it from memory. A
 * client that trickles a body is answered 408 and disconnected at the deadline, however slowly it
 * sends; one line is logged for it, as for a client that went away mid-body. A declared body larger
 * than the form limit (urlencoded forms, {@code server.tomcat.max-http-form-post-size}) or {@code
 * paystatus.request-body.max-size} (for the alert receivers, their own larger cap) is refused with 413
 * before it is read. Tomcat alone bounds only
 * the wait for each read, and a blocked read holds a worker thread: a couple of hundred slow clients
 * used to take them all. Multipart bodies are left to the container.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyDeadline {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyDeadline.class);
    private static final String BODY = RequestBodyDeadline.class.getName() + ".body";

    @Bean
    FilterRegistrationBean<BodyFilter> requestBodyDeadlineFilter(
            PayStatusProperties properties,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm,
            @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        PayStatusProperties.RequestBody limits = properties.requestBody();
        BodyFilter filter = new BodyFilter(
                limits.timeout().toMillis(), limits.maxSize().toBytes(), maxForm.toBytes(), maxParameters);
        FilterRegistrationBean<BodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        registration.setAsyncSupported(true);
        // right after the public page cache, which only answers GET and HEAD, before everything else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class BodyFilter extends HttpFilter {

        private final long timeoutMillis;
        private final long maxBytes;
        private final long maxFormBytes;
        private final int maxParameters;

        BodyFilter(long timeoutMillis, long maxBytes, long maxFormBytes, int maxParameters) {
            this.timeoutMillis = timeoutMillis;
            this.maxBytes = maxBytes;
            this.maxFormBytes = maxFormBytes;
            this.maxParameters = maxParameters;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.getDispatcherType() == DispatcherType.ASYNC) {
                if (request.getAttribute(BODY) instanceof byte[] body) {
                    request.removeAttribute(BODY);
                    chain.doFilter(new BufferedBody(request, body, maxParameters), response);
                } else {
                    chain.doFilter(request, response);
                }
                return;
            }
            if (!hasBody(request) || isMultipart(request) || !request.isAsyncSupported() || inMockContainer(request)) {
                chain.doFilter(request, response);
                return;
            }
            long declared = request.getContentLengthLong();
            long limit = isForm(request)
                    ? Math.min(maxBytes, maxFormBytes)
                    : SecurityConfig.isAlertReceiver(request.getRequestURI())
                            ? Math.max(maxBytes, RequestSizeLimit.MAX_ALERT_BATCH_BYTES)
                            : maxBytes;
            if (declared > limit) {
                log.info(
                        "Refused {} {} from {}: a body of {} bytes, over the limit of {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr(),
                        declared,
                        limit);
                refuse(response, 413, "Request body too large");
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.max(64, Math.min(limit, declared)));
            if (declared > 0 && readArrived(request.getInputStream(), body, declared)) {
                chain.doFilter(new BufferedBody(request, body.toByteArray(), maxParameters), response);
                return;
            }
            read(request, limit, body);
        }

        /**
         * Reads what the container holds of the body already, never waiting for the network (a read
         * is made only while {@code available()} says bytes are there, which Tomcat then hands over
         * from its buffer); true when that was the whole declared body. A small body usually comes
         * in the same packet as the headers: it then costs no asynchronous read and no second
         * dispatch of the request, which were most of a user report's cost in a flood.
         */
        private static boolean readArrived(ServletInputStream in, ByteArrayOutputStream body, long declared)
                throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, declared)];
            while (body.size() < declared && in.available() > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, declared - body.size()));
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
            return body.size() == declared;
        }

        /** Reads the rest of the body without holding a thread, within the deadline; {@code body} holds what came. */
        private void read(HttpServletRequest request, long limit, ByteArrayOutputStream body) throws IOException {
            AsyncContext async = request.startAsync();
            async.setTimeout(timeoutMillis);
            ServletInputStream in = request.getInputStream();
            AtomicBoolean over = new AtomicBoolean();
            String what = request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr();
            async.addListener(new AsyncListener() {
                @Override
                public void onTimeout(AsyncEvent event) throws IOException {
                    if (over.compareAndSet(false, true)) {
                        log.info(
                                "Closed {}: the body was not received within {} ms ({} bytes came)",
                                what,
                                timeoutMillis,
                                body.size());
                        refuse((HttpServletResponse) event.getAsyncContext().getResponse(), 408, "Request timeout");
                        event.getAsyncContext().complete();
                    }
                }

                @Override
                public void onError(AsyncEvent event) {
                    if (over.compareAndSet(false, true)) {
                        log.info("Client went away during {}: {}", what, describe(event.getThrowable()));
                        event.getAsyncContext().complete();
                    }
                }

                @Override
                public void onComplete(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {}
            });
            in.setReadListener(new ReadListener() {
                private final byte[] buffer = new byte[8192];

                @Override
                public void onDataAvailable() throws IOException {
                    while (!over.get() && in.isReady()) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        body.write(buffer, 0, n);
                        if (body.size() > limit && over.compareAndSet(false, true)) {
                            log.info("Refused {}: its body grew past {} bytes", what, limit);
                            refuse((HttpServletResponse) async.getResponse(), 413, "Request body too large");
                            async.complete();
                            return;
                        }
                    }
                }

                @Override
                public void onAllDataRead() {
                    if (over.compareAndSet(false, true)) {
                        request.setAttribute(BODY, body.toByteArray());
                        async.dispatch();
                    }
                }

                @Override
                public void onError(Throwable t) {
                    if (over.compareAndSet(false, true)) {
                        log.info("Client went away during {}: {}", what, describe(t));
                        async.complete();
                    }
                }
            });
        }

        /** MockMvc's container has no non-blocking reads (and no slow clients): bodies are read as usual. */
        private static boolean inMockContainer(HttpServletRequest request) {
            String server = request.getServletContext().getServerInfo();
            return server != null && server.startsWith("MockServletContext");
        }

        private static boolean hasBody(HttpServletRequest request) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }

        private static boolean isMultipart(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        private static String describe(Throwable t) {
            if (t == null) {
                return "connection closed";
            }
            String message = t.getMessage();
            return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }

        private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
            if (response.isCommitted()) {
                return;
            }
            response.setStatus(status);
            response.setHeader("Connection", "close");
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The request as the application sees it once its body has arrived: read from memory. */
    static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final int maxParameters;
        private Map<String, String[]> parameters;

        BufferedBody(HttpServletRequest request, byte[] body, int maxParameters) {
            super(request);
            this.body = body;
            this.maxParameters = maxParameters;
        }

        /** The application sees the request it was sent, not the container's re-dispatch of it. */
        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters().get(name);
            return values == null ? null : values.clone();
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        /** The query's parameters (the container's), then a urlencoded form's, as the container would give them. */
        private synchronized Map<String, String[]> parameters() {
            if (parameters != null) {
                return parameters;
            }
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> all.put(name, new ArrayList<>(List.of(values))));
            if (isForm(this) && body.length > 0) {
                Charset charset = charset();
                int count = 0;
                for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                    if (pair.isEmpty() || ++count > maxParameters) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    try {
                        String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
                        all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    } catch (IllegalArgumentException e) {
                        // a malformed pair is skipped, as the container does
                    }
                }
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            all.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(result);
            return parameters;
        }

        private static String decode(String text, Charset charset) {
            // the body is bytes; re-read them in the form's charset after percent-decoding
            return URLDecoder.decode(new String(text.getBytes(StandardCharsets.ISO_8859_1), charset), charset);
        }
    }
}
