package com.paystatus.security;

import com.paystatus.audit.Audited;
import com.paystatus.shared.PageStyle;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.PublicEndpoints;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three doors. The admin API takes an API token ({@code Authorization: Bearer}) or HTTP Basic, is
 * stateless and never honours a browser session (so no cross-site request can use it). The
 * machine-readable public answers (the Statuspage-compatible API, feeds, badges and the widget) are
 * read-only, open to every origin, sessionless, and allowed to say how long they may be cached; only
 * the widget may be framed by other sites. The pages, public and admin, sit behind a login form with
 * CSRF protection. The actuator answers health probes to anyone (without details) and its Prometheus
 * scrape only to a {@code metrics} token or an admin, like the admin API. Roles include each other
 * ({@code admin > operator > support}, {@code admin > metrics}); who may do what is decided here, by
 * path and method, the same way for the pages and the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * No inline script anywhere; styles only from our stylesheet, served or carried inline by the public
     * layout and allowed by its hash (see {@link PageStyle}); no other inline style.
     */
    static String pagesCsp(PageStyle style) {
        return "default-src 'self'; script-src 'self'; style-src 'self' " + style.cspSource()
                + "; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The widget is one self-contained document with an inline stylesheet, made to be framed anywhere. */
    static final String WIDGET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors *";

    /** JSON, feeds and badges run nothing and are framed by no one (an SVG badge is shown with {@code <img>}). */
    static final String DATA_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    /** BCrypt at the configured cost for new hashes; every stored hash is checked at the cost it carries. */
    @Bean
    PasswordEncoder passwordEncoder(PayStatusProperties properties) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.admin().passwordHashCost())));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    /**
     * No observation of each security filter, authentication and authorization: each wrapped the
     * fifteen filters of every request that reaches the application (a user report in a flood) in
     * Micrometer observations, a tenth of a report's cost, for metrics nothing reads. Requests are
     * still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
    }

    /** Passwords (form and Basic, throttled) and API tokens; failures and successes are published as events. */
    @Bean
    AuthenticationManager authenticationManager(
            AppUserDetailsService users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            ApiTokenService tokens,
            RefusedTokens refusedTokens,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(List.of(
                new ThrottledPasswordAuthentication(dao, throttle, events),
                new ApiTokenAuthenticationProvider(tokens, refusedTokens)));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    ProblemResponses problemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        return new ProblemResponses(messages, locales, json);
    }

    /**
     * The alert receivers: monitoring tools post here with an {@code integration} token (or an admin);
     * their bodies may be larger than other admin API calls (a batch of 1,000 alerts).
     */
    static final String[] ALERT_RECEIVERS = {
        "/api/admin/integrations/alertmanager",
        "/api/admin/integrations/grafana",
        "/api/admin/integrations/uptime-kuma",
        "/api/admin/integrations/generic"
    };

    static boolean isAlertReceiver(String path) {
        return path != null && java.util.Arrays.asList(ALERT_RECEIVERS).contains(path);
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, ALERT_RECEIVERS)
                        .hasRole("INTEGRATION")
                        .requestMatchers(ALERT_RECEIVERS)
                        .denyAll()
                        .requestMatchers(
                                "/api/admin/users/**",
                                "/api/admin/tokens/**",
                                "/api/admin/audit/**",
                                "/api/admin/subscribers/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/admin/channels/*/state")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.PUT, "/api/admin/channels/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/admin/**")
                        .hasRole("SUPPORT")
                        .anyRequest()
                        .hasRole("OPERATOR"));
        return tokenOrBasic(http, authentication, problems).build();
    }

    /**
     * The actuator. Load balancers and orchestrators read the health probes without signing in (they
     * show no details); the Prometheus scrape, which names the working directory and counts admin
     * activity, needs a {@code metrics} token or an admin; every other endpoint is refused.
     */
    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasRole("METRICS")
                        .anyRequest()
                        .denyAll());
        return tokenOrBasic(http, authentication, problems).build();
    }

    /** Stateless, without CSRF or sessions: a bearer token or HTTP Basic on each request, problem+json refusals. */
    private static HttpSecurity tokenOrBasic(
            HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems) throws Exception {
        AuthenticationFilter bearer = new AuthenticationFilter(authentication, new BearerTokenConverter());
        bearer.setSuccessHandler((request, response, auth) -> {});
        AuthenticationEntryPointFailureHandler refused = new AuthenticationEntryPointFailureHandler(problems);
        // a token that could not be looked up (database down) is answered by ProblemResponses as 503,
        // not rethrown as a 500
        refused.setRethrowAuthenticationServiceException(false);
        bearer.setFailureHandler(refused);
        bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        return http.authenticationManager(authentication)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DATA_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable());
    }

    /** Paths that serve the public status to machines and other sites ({@link PublicEndpoints}); GET only. */
    static final String[] PUBLIC_MACHINE_PATHS = PublicEndpoints.machinePatterns();

    @Bean
    @Order(3)
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
                // The public page cache sets a short public max-age; the widget is meant to be framed elsewhere.
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader("Content-Security-Policy")) {
                                response.setHeader(
                                        "Content-Security-Policy",
                                        "/widget".equals(request.getServletPath()) ? WIDGET_CSP : DATA_CSP);
                            }
                        }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(
            HttpSecurity http,
            AuthenticationManager authentication,
            AppUserDetailsService users,
            ApplicationEventPublisher events,
            PageStyle pageStyle)
            throws Exception {
        // No session before someone signs in: the page asked for before the login form and the CSRF
        // token live in cookies, so showing the form (or the board) costs the server nothing.
        CookieRequestCache savedRequests = new CookieRequestCache();
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        SavedRequestAwareAuthenticationSuccessHandler toAdmin = new SavedRequestAwareAuthenticationSuccessHandler();
        toAdmin.setDefaultTargetUrl("/admin");
        toAdmin.setRequestCache(savedRequests);
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/account/**")
                        .authenticated()
                        .requestMatchers("/admin/users/**", "/admin/tokens/**", "/admin/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/admin/channels/*/state")
                        .hasRole("OPERATOR")
                        .requestMatchers("/admin/channels/new", "/admin/channels/*/edit")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/admin/channels", "/admin/channels/*")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/admin", "/admin/**")
                        .hasRole("SUPPORT")
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .permitAll())
                .authenticationManager(authentication)
                .addFilterBefore(new SessionVersionFilter(users), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            events.publishEvent(
                                    new Audited(auth.getName(), "login.success", "user/" + auth.getName(), null));
                            if (auth.getAuthorities().stream()
                                    .anyMatch(a -> AppPrincipal.PASSWORD_CHANGE.equals(a.getAuthority()))) {
                                response.sendRedirect(request.getContextPath() + "/account/password");
                            } else {
                                toAdmin.onAuthenticationSuccess(request, response, auth);
                            }
                        })
                        .failureHandler((request, response, refused) -> response.sendRedirect(
                                request.getContextPath() + LoginController.failureTarget(refused)))
                        .permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    var auth = SecurityContextHolder.getContext().getAuthentication();
                    if (auth != null
                            && auth.getAuthorities().stream()
                                    .anyMatch(a -> AppPrincipal.PASSWORD_CHANGE.equals(a.getAuthority()))) {
                        response.sendRedirect(request.getContextPath() + "/account/password");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(pagesCsp(pageStyle)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(cache -> cache.requestCache(savedRequests))
                .logout(logout -> logout.logoutSuccessUrl("/").permitAll())
                .csrf(csrf ->
                        csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(PublicEndpoints.PUBLIC_POSTS));
        return http.build();
    }
}
