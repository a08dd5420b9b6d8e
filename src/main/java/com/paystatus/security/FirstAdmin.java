package com.paystatus.security;

import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.shared.StartupStep;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin user when there is none. Its password comes from {@code
 * PAYSTATUS_ADMIN_PASSWORD}; when that is unset, one is generated and written to the log once. The
 * first of the start-up steps.
 */
@Component
@Order(0)
class FirstAdmin implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final PayStatusProperties properties;
    private final Clock clock;
    private final PasswordPolicy policy;

    FirstAdmin(
            AppUserRepository users,
            PasswordEncoder passwords,
            PayStatusProperties properties,
            Clock clock,
            PasswordPolicy policy) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    @Transactional
    public void run() {
        if (users.count() > 0) {
            return;
        }
        String username = properties.admin().username();
        String password = properties.admin().password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = UserService.generatedPassword();
        } else {
            try {
                policy.check("password", username, password);
            } catch (InvalidInputException e) {
                log.warn(
                        "PAYSTATUS_ADMIN_PASSWORD breaks the password rules ({}): change it after the first sign-in",
                        e.violations().get(0).messageKey());
            }
        }
        // a generated password has been in a log: it must be changed at the first sign-in
        users.save(new AppUser(username, passwords.encode(password), Role.ADMIN, generated, clock.instant()));
        if (generated) {
            log.warn(
                    "Created the first admin user '{}' with the generated password: {}  (shown only this once, to be changed at the first sign-in;"
                            + " set PAYSTATUS_ADMIN_PASSWORD before the first start to choose it)",
                    username,
                    password);
        } else {
            log.info("Created the first admin user '{}' with the password from PAYSTATUS_ADMIN_PASSWORD", username);
        }
    }
}
