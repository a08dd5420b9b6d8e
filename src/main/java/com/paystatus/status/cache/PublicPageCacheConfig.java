package com.paystatus.status.cache;

import com.paystatus.shared.PageLinks;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.StatusSnapshots;
import java.time.Clock;
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

    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCacheRegistration(PublicPageCache cache) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
