package com.paystatus.status.cache;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A render for {@link PublicPageCache}: Spring's {@link ContentCachingResponseWrapper} keeps the body,
 * headers go to the real response, which is reset once the page is kept. Two things differ: a server
 * error is recorded, not sent (the cache answers with the page's last good bytes instead), and the
 * language is kept as a header, because Tomcat writes {@code Content-Language} only when it commits.
 */
final class RenderedResponse extends ContentCachingResponseWrapper {

    private boolean sentThrough;
    private int heldError;
    private Locale locale;

    RenderedResponse(HttpServletResponse response) {
        super(response);
    }

    /** A 4xx or a redirect: already on its way to the client as it was. */
    boolean sentThrough() {
        return sentThrough;
    }

    @Override
    public int getStatus() {
        return heldError != 0 ? heldError : super.getStatus();
    }

    /** True when the response was a plain 200 that set no cookie, and so may be stored. */
    boolean storable() {
        return !sentThrough
                && getStatus() == SC_OK
                && getContentType() != null
                && !containsHeader(HttpHeaders.SET_COOKIE);
    }

    /** The headers the render set, with the language, for the kept page. */
    List<String[]> headers() {
        List<String[]> headers = new ArrayList<>();
        for (String name : getHeaderNames()) {
            for (String value : getHeaders(name)) {
                headers.add(new String[] {name, value});
            }
        }
        if (locale != null && !containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
            headers.add(new String[] {HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()});
        }
        return headers;
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (sc >= SC_INTERNAL_SERVER_ERROR) {
            heldError = sc;
            return;
        }
        sentThrough = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        sentThrough = true;
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        sentThrough = true;
        super.sendRedirect(location, sc, clearBuffer);
    }

    @Override
    public void setLocale(Locale locale) {
        this.locale = locale;
        super.setLocale(locale);
    }
}
