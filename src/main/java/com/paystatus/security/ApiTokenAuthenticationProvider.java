package com.paystatus.security;

import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * Checks a bearer token against the stored hashes; an unknown, expired or revoked token is refused and
 * audited (per network and minute, see {@link RefusedTokens}). A token that cannot be looked up (the database is out of reach) is not a refused token:
 * {@link ProblemResponses} answers it with 503 and {@code Retry-After}, as it does for Basic.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;
    private final RefusedTokens refused;

    ApiTokenAuthenticationProvider(ApiTokenService tokens, RefusedTokens refused) {
        this.tokens = tokens;
        this.refused = refused;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = (String) authentication.getCredentials();
        Optional<ApiTokenRecord> token;
        try {
            token = tokens.authenticate(secret);
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("the token could not be checked", e);
        }
        return token.map(ApiTokenAuthentication::authenticated).orElseThrow(() -> {
            refused.refused(
                    authentication.getDetails() instanceof WebAuthenticationDetails web
                            ? web.getRemoteAddress()
                            : null);
            return new BadCredentialsException("unknown, expired or revoked token");
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
