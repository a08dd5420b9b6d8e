package com.paystatus.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A robot's URL is its credential (WeCom's {@code key}, DingTalk's {@code access_token}, Feishu's
 * hook id): once stored it is shown only masked, enough to tell two robots apart and no more.
 */
final class RobotUrls {

    private static final String HIDDEN = "…";

    /** Path segments this long are taken for tokens (Feishu's hook ids are UUIDs). */
    private static final int TOKEN_LENGTH = 16;

    private RobotUrls() {}

    /**
     * The scheme, host and port as they are; every query value and every token-like path segment
     * hidden but for its last four characters; user info and fragment dropped. Anything that is not
     * an absolute URL is hidden whole.
     */
    static String mask(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return HIDDEN;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return HIDDEN;
        }
        StringBuilder masked = new StringBuilder()
                .append(uri.getScheme().toLowerCase(Locale.ROOT))
                .append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() >= 0) {
            masked.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(segment.length() >= TOKEN_LENGTH ? tail(segment) : segment);
        }
        masked.append(String.join("/", segments));
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                pairs.add(eq < 0 ? tail(pair) : pair.substring(0, eq) + "=" + tail(pair.substring(eq + 1)));
            }
            masked.append('?').append(String.join("&", pairs));
        }
        return masked.toString();
    }

    private static String tail(String secret) {
        return secret.length() < 8 ? HIDDEN : HIDDEN + secret.substring(secret.length() - 4);
    }
}
