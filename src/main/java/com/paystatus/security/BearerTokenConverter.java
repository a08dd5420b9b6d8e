package com.paystatus.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Reads {@code Authorization: Bearer <token>}; leaves every other request (Basic, none) to others. */
final class BearerTokenConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = header.substring(7).trim();
        if (secret.isEmpty()) {
            throw new BadCredentialsException("empty bearer token");
        }
        ApiTokenAuthentication token = ApiTokenAuthentication.unauthenticated(secret);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}
