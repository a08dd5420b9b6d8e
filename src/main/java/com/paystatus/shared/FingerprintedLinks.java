package com.paystatus.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.PathMatcher;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts the content fingerprint into a page's links to the files that carry one (those of {@code
 * spring.web.resources.chain.strategy.content.paths}: style sheets, scripts, the icon) and leaves every
 * other link as written. Spring's own filter hands every link of a page to the resource chain, and a
 * link to a page ({@code /notices/42}) is then looked for in each static location on the class path,
 * not found, and looked for again at the next render: on an uncached {@code /history} that was more
 * than half of the render (issue 16). A fingerprinted link is resolved once and remembered, since the
 * files of a running instance do not change.
 */
class FingerprintedLinks extends ResourceUrlEncodingFilter {

    /** Far more distinct fingerprinted links than the app has files. */
    private static final int MAX_REMEMBERED = 256;

    private final ResourceUrlProvider urls;
    private final List<String> fingerprinted;
    private final PathMatcher matcher = new AntPathMatcher();
    private final Cache<String, String> resolved =
            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

    FingerprintedLinks(ResourceUrlProvider urls, List<String> fingerprinted) {
        this.urls = urls;
        this.fingerprinted = List.copyOf(fingerprinted);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(answer) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(fingerprint(http, url));
            }
        });
    }

    String fingerprint(HttpServletRequest request, String url) {
        String context = request.getContextPath();
        if (url == null || !url.startsWith(context + "/")) {
            return url;
        }
        String path = url.substring(context.length());
        int end = indexOfQueryOrFragment(path);
        String file = end < 0 ? path : path.substring(0, end);
        if (fingerprinted.stream().noneMatch(pattern -> matcher.match(pattern, file))) {
            return url;
        }
        return resolved.get(url, link -> {
            String found = urls.getForRequestUrl(request, link);
            return found == null ? link : found;
        });
    }

    private static int indexOfQueryOrFragment(String path) {
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        return query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    }
}
