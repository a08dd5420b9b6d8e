package com.paystatus.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links to public pages, for support staff to send: the configured base URL, or the request's. */
@Component
public class PageLinks {

    /**
     * A request attribute that fixes the base of the links, set by the public page cache so that a
     * page it keeps carries the base it is kept for rather than whatever Host the request named.
     */
    public static final String BASE_ATTRIBUTE = PageLinks.class.getName() + ".base";

    private final PayStatusProperties properties;

    PageLinks(PayStatusProperties properties) {
        this.properties = properties;
    }

    public String absolute(HttpServletRequest request, String path) {
        String base = properties.baseUrl();
        if ((base == null || base.isBlank()) && request.getAttribute(BASE_ATTRIBUTE) instanceof String fixed) {
            base = fixed;
        }
        if (base == null || base.isBlank()) {
            base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        }
        return base.replaceAll("/+$", "") + path;
    }
}
