package com.paystatus.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads admin users from the database for the login form and HTTP Basic. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(AppPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Whether a session signed in as this principal may go on: same account state as at sign-in. */
    @Transactional(readOnly = true)
    public boolean stillCurrent(AppPrincipal principal) {
        return users.findByUsername(principal.getUsername())
                .filter(AppUser::isEnabled)
                .filter(u -> u.getSessionVersion() == principal.sessionVersion())
                .isPresent();
    }
}
