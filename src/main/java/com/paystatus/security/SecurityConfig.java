package com.paystatus.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the admin pages behind a login form with CSRF protection, and the admin API behind HTTP
 * Basic, stateless, which never honours a browser session (so no cross-site request can use it).
 * Everything else is public. The machine-readable public answers (the Statuspage-compatible API,
 * feeds, badges and the widget) have a chain of their own: read-only, open to every origin, framable,
 * sessionless, and allowed to say how long they may be cached.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint) throws Exception {
        http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Paths that serve the public status to machines and other sites; GET only. */
    static final String[] PUBLIC_MACHINE_PATHS = {
        "/api/v2/**", "/history.atom", "/history.rss", "/channels/*.atom", "/badge.svg", "/badge/*.svg", "/widget"
    };

    @Bean
    @Order(2)
    SecurityFilterChain publicMachineReadable(HttpSecurity http) throws Exception {
        http.securityMatcher(PUBLIC_MACHINE_PATHS)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, PUBLIC_MACHINE_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_MACHINE_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, PUBLIC_MACHINE_PATHS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .cors(cors -> cors.configurationSource(request -> {
                    CorsConfiguration config = new CorsConfiguration();
                    config.addAllowedOrigin("*");
                    config.setAllowedMethods(List.of("GET", "HEAD"));
                    config.setMaxAge(Duration.ofHours(1));
                    return config;
                }))
                // The controllers set a short public max-age; the widget is meant to be framed elsewhere.
                .headers(headers ->
                        headers.cacheControl(cache -> cache.disable()).frameOptions(frame -> frame.disable()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .permitAll())
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/admin").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").permitAll())
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** An unauthenticated API call answers 401 with a problem document in the caller's language. */
    @Bean
    AuthenticationEntryPoint problemEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        return (request, response, exception) -> {
            var locale = locales.resolveLocale(request);
            // credentials could not even be checked: the database is out of reach, not the caller wrong
            boolean databaseDown = exception instanceof InternalAuthenticationServiceException;
            String key = databaseDown ? "problem.unavailable" : "problem.unauthorized";
            response.setStatus(
                    databaseDown ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_UNAUTHORIZED);
            if (databaseDown) {
                response.setHeader("Retry-After", "30");
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"PayStatus admin API\"");
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var problem = new java.util.LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage(key + ".title", null, locale));
            problem.put("status", response.getStatus());
            problem.put("detail", messages.getMessage(key + ".detail", null, locale));
            problem.put("instance", request.getRequestURI());
            json.writeValue(response.getOutputStream(), problem);
        };
    }
}
