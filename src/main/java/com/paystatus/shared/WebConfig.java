package com.paystatus.shared;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** Right after the public page cache, before Spring Security reads a single parameter. */
    @Bean
    FilterRegistrationBean<InputTextFilter> inputTextFilter(
            MessageSource messages, LocaleResolver locales, ProblemWriter problems) {
        FilterRegistrationBean<InputTextFilter> registration =
                new FilterRegistrationBean<>(new InputTextFilter(messages, locales, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * In place of Spring Boot's own link-fingerprinting filter (registered the same way: requests and
     * error pages), which would ask the resource chain about every link of every page.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> fingerprintedLinks(
            ResourceUrlProvider mvcResourceUrlProvider, WebProperties web) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new FingerprintedLinks(
                        mvcResourceUrlProvider,
                        List.of(web.getResources()
                                .getChain()
                                .getStrategy()
                                .getContent()
                                .getPaths())));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
