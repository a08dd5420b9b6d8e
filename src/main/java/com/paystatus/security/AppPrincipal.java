package com.paystatus.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps them in the session. It remembers the account's
 * session version at sign-in, so {@link SessionVersionFilter} can end the session when it changes. A
 * user who must change their password holds no role yet, only {@link #PASSWORD_CHANGE}.
 */
final class AppPrincipal implements UserDetails, CredentialsContainer, Serializable {

    static final String PASSWORD_CHANGE = "PASSWORD_CHANGE_REQUIRED";

    private final String username;
    private String passwordHash;
    private final Role role;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final long sessionVersion;

    AppPrincipal(AppUser user) {
        this.username = user.getUsername();
        this.passwordHash = user.getPasswordHash();
        this.role = user.getRole();
        this.enabled = user.isEnabled();
        this.mustChangePassword = user.isMustChangePassword();
        this.sessionVersion = user.getSessionVersion();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(mustChangePassword ? PASSWORD_CHANGE : role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    Role role() {
        return role;
    }

    long sessionVersion() {
        return sessionVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppPrincipal p && p.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
