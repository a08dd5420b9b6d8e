package com.paystatus.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
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
}
