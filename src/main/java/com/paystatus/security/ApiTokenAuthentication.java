package com.paystatus.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer token: before authentication it holds the secret; after, the token's name (as {@code
 * token:name}, the actor recorded in notices and the audit log) and its role.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final String name;

    private ApiTokenAuthentication(String secret, String name, List<SimpleGrantedAuthority> authorities) {
        super(authorities);
        this.secret = secret;
        this.name = name;
        setAuthenticated(name != null);
    }

    static ApiTokenAuthentication unauthenticated(String secret) {
        return new ApiTokenAuthentication(secret, null, List.of());
    }

    static ApiTokenAuthentication authenticated(ApiTokenRecord token) {
        return new ApiTokenAuthentication(
                null,
                "token:" + token.name(),
                List.of(new SimpleGrantedAuthority(token.role().authority())));
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name == null ? "" : name;
    }
}
