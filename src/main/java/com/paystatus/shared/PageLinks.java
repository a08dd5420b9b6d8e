package com.paystatus.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Absolute links to public pages (og:url and canonical links, support replies, QR codes, feeds, the
 * Statuspage API's page URL, the widget), which are kept and shared with other readers, so no header a
 * client sends may choose them. Their base is {@code paystatus.base-url} when it is set; otherwise the
 * request's own scheme and host only when that host is in {@code paystatus.allowed-hosts}; otherwise
 * {@code http://localhost:<the port the request came in on>}, a fixed default that names nobody else.
 */
@Component
public class PageLinks {

    private static final Logger log = LoggerFactory.getLogger(PageLinks.class);

    /**
     * A request attribute that fixes the base of the links, set by the public page cache so that a
     * page it keeps carries the base it is kept for.
     */
    public static final String BASE_ATTRIBUTE = PageLinks.class.getName() + ".base";

    private final String configured;
    private final Set<String> allowedHosts;
    private volatile boolean warned;

    PageLinks(PayStatusProperties properties) {
        String base = properties.baseUrl();
        this.configured = base == null || base.isBlank() ? null : base.trim().replaceAll("/+$", "");
        this.allowedHosts = properties.allowedHosts().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String absolute(HttpServletRequest request, String path) {
        if (configured == null && request.getAttribute(BASE_ATTRIBUTE) instanceof String fixed) {
            return fixed + path;
        }
        return base(request) + path;
    }

    /** The base of the links for this request, without a trailing slash: one of a fixed few values. */
    public String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String scheme = "https".equalsIgnoreCase(request.getScheme()) ? "https" : "http";
        int port = request.getServerPort();
        String host =
                request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        boolean defaultPort = port <= 0 || ("https".equals(scheme) ? port == 443 : port == 80);
        String hostAndPort = defaultPort ? host : host + ":" + port;
        if (allowedHosts.contains(hostAndPort) || (defaultPort && allowedHosts.contains(host))) {
            return scheme + "://" + hostAndPort;
        }
        int localPort = request.getLocalPort();
        String fallback = localPort <= 0 || localPort == 80 ? "http://localhost" : "http://localhost:" + localPort;
        if (!warned) {
            warned = true;
            log.warn(
                    "A request named the host {}, which is not in paystatus.allowed-hosts, and paystatus.base-url is"
                            + " not set: shared links point at {}. Set paystatus.base-url.",
                    hostAndPort,
                    fallback);
        }
        return fallback;
    }
}
