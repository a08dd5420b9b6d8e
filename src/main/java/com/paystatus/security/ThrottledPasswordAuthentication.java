package com.paystatus.security;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Audited;
import com.paystatus.shared.Networks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * User name and password, from the login form or HTTP Basic: asks {@link LoginThrottle} first,
 * then Spring Security's {@link DaoAuthenticationProvider}; counts and audits each failure and logs a lock.
 */
final class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledPasswordAuthentication.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledPasswordAuthentication(
            DaoAuthenticationProvider passwords, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress()
                : "unknown";
        try {
            throttle.check(username, address);
        } catch (LoginThrottledException e) {
            events.publishEvent(new Audited(
                    clip(username),
                    "login.throttled",
                    "user/" + clip(username),
                    AuditDetails.none().withNote("retryAfter", e.seconds() + " s")));
            throw e;
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (InternalAuthenticationServiceException e) {
            // the password could not be checked (the database is out of reach): not a failed sign-in
            throw e;
        } catch (AuthenticationException e) {
            events.publishEvent(new Audited(
                    clip(username),
                    "login.failure",
                    "user/" + clip(username),
                    AuditDetails.none().withNote("reason", e.getClass().getSimpleName())));
            throttle.failed(username, address).forEach((key, outcome) -> {
                if (outcome == LoginThrottle.Outcome.LOCKED) {
                    log.warn("Sign-in locked for {} after repeated failures (last from {})", key, address);
                    events.publishEvent(new Audited(
                            clip(username),
                            "login.locked",
                            clip(key),
                            AuditDetails.none().withNote("from", address).withNote("network", Networks.of(address))));
                }
            });
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clip(String text) {
        String t = text == null ? "" : text;
        return t.length() > 60 ? t.substring(0, 60) : t;
    }
}
