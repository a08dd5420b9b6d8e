package com.paystatus.subscription;

import com.paystatus.shared.PayStatusProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links in mails and webhook bodies, which leave without a request to take a host from:
 * {@code paystatus.base-url}, or this instance on localhost when it is not set.
 */
@Component
class Links {

    private final String configured;
    private final Environment environment;

    Links(PayStatusProperties properties, Environment environment) {
        String base = properties.baseUrl();
        this.configured = base == null || base.isBlank() ? null : base.trim().replaceAll("/+$", "");
        this.environment = environment;
    }

    String base() {
        return configured != null
                ? configured
                : "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    /** The host of the public base URL, for identifiers such as Message-IDs. */
    String host() {
        String host = java.net.URI.create(base()).getHost();
        return host == null ? "localhost" : host;
    }

    String confirm(String token) {
        return base() + "/subscriptions/" + token + "/confirm";
    }

    String unsubscribe(String token) {
        return base() + "/subscriptions/" + token + "/unsubscribe";
    }

    String page(NotificationContent content) {
        if (content.isAlert()) {
            String path = content.alert().path();
            return base() + (path != null && path.startsWith("/") ? path : "/admin");
        }
        if (content.isNotice()) {
            return base() + "/notices/" + content.noticeId();
        }
        return content.channels().keySet().stream()
                .findFirst()
                .map(slug -> base() + "/channels/" + slug)
                .orElse(base() + "/");
    }
}
