package com.paystatus.security;

import com.paystatus.shared.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a bearer token against the stored hashes; an unknown, expired or revoked token is refused and audited. */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;
    private final ApplicationEventPublisher events;

    ApiTokenAuthenticationProvider(ApiTokenService tokens, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = (String) authentication.getCredentials();
        return tokens.authenticate(secret)
                .map(ApiTokenAuthentication::authenticated)
                .orElseThrow(() -> {
                    events.publishEvent(
                            new Audited("anonymous", "login.tokenRefused", null, "unknown, expired or revoked token"));
                    return new BadCredentialsException("unknown, expired or revoked token");
                });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
