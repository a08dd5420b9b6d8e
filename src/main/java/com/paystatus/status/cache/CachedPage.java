package com.paystatus.status.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;

/**
 * One rendered public answer, kept as bytes (and gzipped bytes) with the headers the application and
 * Spring Security gave it, for one page, language, revision and minute. Serving it costs a map
 * lookup and a copy: no template, no query, no filter chain. The headers of both encodings are
 * prepared once, with the bytes, as name/value pairs ({@code identityHeaders}, {@code gzipHeaders}).
 *
 * @param revision the status revision it was rendered at (at least)
 * @param minute the minute of the application's clock it was rendered in
 */
record CachedPage(
        long revision,
        long minute,
        String contentType,
        List<String[]> headers,
        String vary,
        byte[] identity,
        byte[] gzip,
        String etag,
        String gzipEtag,
        Path file,
        String[] identityHeaders,
        String[] gzipHeaders) {

    /**
     * Tomcat's write buffer per connection (see {@link PublicPageCacheConfig#pageSizedWrites}): a page
     * and its headers that fit in it leave in one {@code write()}, as nginx sends a small file. Each
     * open connection holds one on the heap, so it is sized for the board, not for any page.
     */
    static final int WRITE_BUFFER_BYTES = 64 * 1024;

    /**
     * From this size on, the plain bytes are also written to a file that Tomcat sends with sendfile:
     * what does not fit the write buffer with its headers.
     */
    static final int SENDFILE_MIN_BYTES = WRITE_BUFFER_BYTES - 4 * 1024;

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Below this size gzip saves too little to be worth a header. */
    static final int GZIP_MIN_BYTES = 512;

    /** Headers the cache decides itself, or that belong to one exchange only. */
    private static final Set<String> NOT_KEPT = Set.of(
            "cache-control",
            "pragma",
            "expires",
            "etag",
            "last-modified",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "set-cookie",
            "date",
            "vary",
            "connection",
            "keep-alive");

    static CachedPage of(RenderedResponse rendered, long revision, long minute, String cacheControl) {
        byte[] bytes = rendered.getContentAsByteArray();
        String contentType = rendered.getContentType();
        List<String[]> headers = new ArrayList<>();
        Set<String> vary = new LinkedHashSet<>();
        for (String[] header : rendered.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (name.equals("vary")) {
                addTokens(vary, header[1]);
            } else if (!NOT_KEPT.contains(name) && !name.equals("content-type")) {
                headers.add(header);
            }
        }
        // The language may come from Accept-Language, and the body may be gzipped.
        vary.add(HttpHeaders.ACCEPT_LANGUAGE);
        vary.add(HttpHeaders.ACCEPT_ENCODING);
        String hash = hash(bytes);
        byte[] gzip = bytes.length >= GZIP_MIN_BYTES && compressible(contentType) ? gzip(bytes) : null;
        if (gzip != null && gzip.length >= bytes.length) {
            gzip = null;
        }
        String varyValue = String.join(", ", vary);
        String etag = "\"" + hash + "\"";
        String gzipEtag = "\"" + hash + "-gzip\"";
        return new CachedPage(
                revision,
                minute,
                contentType,
                List.copyOf(headers),
                varyValue,
                bytes,
                gzip,
                etag,
                gzipEtag,
                null,
                prepare(headers, cacheControl, varyValue, etag, null),
                gzip == null ? null : prepare(headers, cacheControl, varyValue, gzipEtag, "gzip"));
    }

    private static String[] prepare(
            List<String[]> kept, String cacheControl, String vary, String etag, String contentEncoding) {
        List<String> pairs = new ArrayList<>();
        for (String[] header : kept) {
            pairs.add(header[0]);
            pairs.add(header[1]);
        }
        pairs.addAll(List.of(HttpHeaders.CACHE_CONTROL, cacheControl, HttpHeaders.VARY, vary, HttpHeaders.ETAG, etag));
        if (contentEncoding != null) {
            pairs.addAll(List.of(HttpHeaders.CONTENT_ENCODING, contentEncoding));
        }
        return pairs.toArray(String[]::new);
    }

    /** The same page, its plain bytes also in {@code file}. */
    CachedPage withFile(Path file) {
        return new CachedPage(
                revision,
                minute,
                contentType,
                headers,
                vary,
                identity,
                gzip,
                etag,
                gzipEtag,
                file,
                identityHeaders,
                gzipHeaders);
    }

    boolean isCurrent(long revision, long minute) {
        return this.revision == revision && this.minute == minute;
    }

    /**
     * Writes the page, gzipped if the client takes it, or 304 when the client already has it. Every
     * header value was prepared with the bytes: serving is a header copy and one write.
     */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzipped = gzip != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String[] prepared = gzipped ? gzipHeaders : identityHeaders;
        for (int i = 0; i < prepared.length; i += 2) {
            response.addHeader(prepared[i], prepared[i + 1]);
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzipped ? gzip : identity;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (!gzipped && file != null && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            // As nginx does for a static file: the kernel copies the file to the socket, Tomcat's
            // poller finishes the write, and no request thread waits on a slow reader.
            request.setAttribute(SENDFILE_FILENAME, file.toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, (long) body.length);
            return;
        }
        response.getOutputStream().write(body);
    }

    /**
     * If-None-Match compares weakly: either encoding of these same bytes is a match. What a page sends
     * back is the ETag it was given, so that is one string compare; lists and weak tags are parsed.
     */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch.equals(etag) || ifNoneMatch.equals(gzipEtag)) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag) || t.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        if (acceptEncoding.indexOf(';') < 0) {
            // no q-values (what browsers and wrk send): a token test without splitting
            return hasToken(acceptEncoding.toLowerCase(Locale.ROOT));
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                return parts.length < 2 || !isZeroQuality(parts[1]);
            }
        }
        return false;
    }

    private static final Pattern ZERO_QUALITY = Pattern.compile("q=0(\\.0*)?");

    private static boolean hasToken(String codings) {
        int from = 0;
        while (from <= codings.length()) {
            int comma = codings.indexOf(',', from);
            int end = comma < 0 ? codings.length() : comma;
            String name = codings.substring(from, end).trim();
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static boolean isZeroQuality(String parameter) {
        String p = parameter.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return ZERO_QUALITY.matcher(p).matches();
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.startsWith("application/json")
                || type.startsWith("application/problem+json")
                || type.startsWith("application/atom+xml")
                || type.startsWith("application/rss+xml")
                || type.startsWith("application/xml")
                || type.startsWith("image/svg+xml");
    }

    private static void addTokens(Set<String> vary, String value) {
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                vary.add(token.trim());
            }
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
