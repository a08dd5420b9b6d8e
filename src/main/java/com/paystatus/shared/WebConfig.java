package com.paystatus.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }
}
