package com.paystatus.status.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;

/**
 * A response that keeps what the application writes (status, headers, body) instead of sending it,
 * so that {@link PublicPageCache} can store a rendered page and serve it again. Client errors and
 * redirects are not kept: they go straight to the real response, and the page is then not stored.
 * Server errors are not sent at all: the cache decides what the reader gets instead.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    private int status = SC_OK;
    private String contentType;
    private String charset;
    private boolean cookies;
    private boolean sentThrough;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** True when the response was a plain 200 that set no cookie, and so may be stored. */
    boolean storable() {
        return !sentThrough && !cookies && status == SC_OK && contentType != null;
    }

    boolean sentThrough() {
        return sentThrough;
    }

    int capturedStatus() {
        return status;
    }

    Map<String, List<String>> capturedHeaders() {
        return headers;
    }

    byte[] bytes() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The content type with its charset, as the application set it. */
    String fullContentType() {
        if (contentType == null) {
            return null;
        }
        return charset == null ? contentType : contentType + ";charset=" + charset;
    }

    /** Sends what was captured as it is, for answers that are not stored (a 404, say). */
    void replay() throws IOException {
        HttpServletResponse real = (HttpServletResponse) getResponse();
        real.setStatus(status);
        headers.forEach((name, values) -> values.forEach(v -> real.addHeader(name, v)));
        if (contentType != null) {
            real.setContentType(fullContentType());
        }
        byte[] bytes = bytes();
        real.setContentLength(bytes.length);
        real.getOutputStream().write(bytes);
    }

    private void copyHeadersToRealResponse() {
        HttpServletResponse real = (HttpServletResponse) getResponse();
        headers.forEach((name, values) -> values.forEach(v -> real.addHeader(name, v)));
        if (contentType != null) {
            real.setContentType(fullContentType());
        }
    }

    // -- status and redirects

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    /** A server error is kept here, not sent: the cache answers with the page's last good bytes instead. */
    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        if (sc >= SC_INTERNAL_SERVER_ERROR) {
            return;
        }
        sentThrough = true;
        copyHeadersToRealResponse();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        sentThrough = true;
        copyHeadersToRealResponse();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        sentThrough = true;
        copyHeadersToRealResponse();
        super.sendRedirect(location, sc, clearBuffer);
    }

    // -- headers

    @Override
    public void addCookie(Cookie cookie) {
        cookies = true;
        super.addCookie(cookie);
    }

    @Override
    public boolean containsHeader(String name) {
        return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? contentType != null : headers.containsKey(name);
    }

    @Override
    public String getHeader(String name) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return fullContentType();
        }
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return contentType == null ? List.of() : List.of(fullContentType());
        }
        return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        List<String> names = new ArrayList<>(headers.keySet());
        if (contentType != null) {
            names.add(HttpHeaders.CONTENT_TYPE);
        }
        return names;
    }

    @Override
    public void setHeader(String name, String value) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            setContentType(value);
        } else if (HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
            cookies = true;
            super.setHeader(name, value);
        } else if (value == null) {
            headers.remove(name);
        } else {
            List<String> values = new ArrayList<>();
            values.add(value);
            headers.put(name, values);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            setContentType(value);
        } else if (HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
            cookies = true;
            super.addHeader(name, value);
        } else if (value != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(
                name,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC)));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(
                name,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC)));
    }

    @Override
    public void setContentType(String type) {
        if (type == null) {
            contentType = null;
            return;
        }
        String[] parts = type.split(";");
        contentType = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                charset = part.substring("charset=".length()).replace("\"", "");
            }
        }
    }

    @Override
    public String getContentType() {
        return fullContentType();
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        if (writer == null) {
            charset = encoding;
        }
    }

    @Override
    public void setCharacterEncoding(Charset encoding) {
        setCharacterEncoding(encoding == null ? null : encoding.name());
    }

    @Override
    public String getCharacterEncoding() {
        return charset != null ? charset : StandardCharsets.ISO_8859_1.name();
    }

    @Override
    public void setLocale(Locale locale) {
        if (locale != null) {
            setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        }
    }

    @Override
    public void setContentLength(int len) {
        // the stored page gets its own length
    }

    @Override
    public void setContentLengthLong(long len) {
        // the stored page gets its own length
    }

    // -- body

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("rendered pages are written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer =
                    new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return sentThrough;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        headers.clear();
        status = SC_OK;
        contentType = null;
        charset = null;
    }

    @Override
    public void setBufferSize(int size) {
        // everything is kept in memory until the page is stored
    }
}
