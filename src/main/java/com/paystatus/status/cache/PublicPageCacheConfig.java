package com.paystatus.status.cache;

import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.StatusSnapshots;
import java.time.Clock;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/** Puts the {@link PublicPageCache} in front of every other filter, Spring Security's included. */
@Configuration(proxyBeanMethods = false)
class PublicPageCacheConfig {

    @Bean
    PublicPageCache publicPageCache(
            StatusSnapshots snapshots,
            LocaleResolver localeResolver,
            PageLinks links,
            PayStatusProperties properties,
            PublicCacheProperties cacheProperties,
            MessageSource messages,
            Clock clock) {
        return new PublicPageCache(snapshots, localeResolver, links, properties, cacheProperties, messages, clock);
    }

    /**
     * Sized for the pages the cache sends: Tomcat copies a response into a per-connection write
     * buffer of 8 KB by default and writes it out 8 KB at a time (five {@code write()} calls for the
     * 35 KB board); with room for a whole page and its headers it is one. The socket's send buffer is
     * fixed large enough to take that write at once instead of waiting on the poller for the rest.
     */
    @Bean
    TomcatConnectorCustomizer pageSizedWrites() {
        return connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(CachedPage.WRITE_BUFFER_BYTES));
            connector.setProperty("socket.txBufSize", Integer.toString(4 * CachedPage.WRITE_BUFFER_BYTES));
        };
    }

    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCacheRegistration(PublicPageCache cache) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
