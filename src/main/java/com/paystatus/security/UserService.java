package com.paystatus.security;

import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage people here: create (with a generated password to change on first sign-in), disable
 * and enable, reset a password, change a role. People change their own password here too. Every change
 * is audited and ends the user's existing sessions.
 */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(
            AppUserRepository users,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** A user with the password to hand over once; it must be changed at the first sign-in. */
    public record WithPassword(UserRecord user, String password) {}

    @Transactional(readOnly = true)
    public List<UserRecord> all() {
        return users.findAllByOrderByUsername().stream().map(AppUser::toRecord).toList();
    }

    @Transactional(readOnly = true)
    public UserRecord get(String username) {
        return find(username).toRecord();
    }

    public static Role role(String code) {
        return Coded.fromCode(Role.class, code)
                .orElseThrow(() -> new InvalidInputException("role", "validation.role", code == null ? "" : code));
    }

    /** A role a person may have: not {@code metrics}, which only a token carries. */
    static Role personRole(String code) {
        Role role = role(code);
        if (!Role.FOR_PEOPLE.contains(role)) {
            throw new InvalidInputException("role", "validation.personRole", code);
        }
        return role;
    }

    @Transactional
    public WithPassword create(String username, String roleCode) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username", "validation.username");
        }
        Role role = personRole(roleCode);
        if (users.findByUsername(name).isPresent()) {
            throw new InvalidInputException("username", "validation.usernameTaken", name);
        }
        String password = generatedPassword();
        AppUser user = users.save(new AppUser(name, passwords.encode(password), role, true, clock.instant()));
        events.publishEvent(new UserEvents.UserCreated(user.toRecord()));
        return new WithPassword(user.toRecord(), password);
    }

    @Transactional
    public UserRecord setEnabled(String username, boolean enabled, String actor) {
        AppUser user = find(username);
        if (!enabled && user.getUsername().equals(actor)) {
            throw new InvalidInputException("username", "validation.notYourself");
        }
        if (!enabled && user.getRole() == Role.ADMIN && user.isEnabled() && enabledAdmins() <= 1) {
            throw new InvalidInputException("username", "validation.lastAdmin");
        }
        boolean before = user.isEnabled();
        user.setEnabled(enabled);
        events.publishEvent(new UserEvents.UserEnabledSet(user.getUsername(), before, enabled));
        return user.toRecord();
    }

    @Transactional
    public UserRecord changeRole(String username, String roleCode, String actor) {
        AppUser user = find(username);
        Role role = personRole(roleCode);
        Role before = user.getRole();
        if (before == Role.ADMIN && role != Role.ADMIN && user.isEnabled() && enabledAdmins() <= 1) {
            throw new InvalidInputException("role", "validation.lastAdmin");
        }
        if (before != role) {
            user.changeRole(role);
            events.publishEvent(new UserEvents.UserRoleChanged(user.getUsername(), before, role));
        }
        return user.toRecord();
    }

    /** A new generated password, to be changed at the next sign-in; the user's sessions end. */
    @Transactional
    public WithPassword resetPassword(String username) {
        AppUser user = find(username);
        String password = generatedPassword();
        user.changePassword(passwords.encode(password), true);
        events.publishEvent(new UserEvents.PasswordReset(user.getUsername()));
        return new WithPassword(user.toRecord(), password);
    }

    /** The user's own change: the current password proves it is them; the new one must follow the rules. */
    @Transactional
    public void changeOwnPassword(String username, String current, String replacement) {
        AppUser user = find(username);
        if (current == null || !passwords.matches(current, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "validation.password.current");
        }
        policy.check("newPassword", username, replacement);
        if (passwords.matches(replacement, user.getPasswordHash())) {
            throw new InvalidInputException("newPassword", "validation.password.same");
        }
        user.changePassword(passwords.encode(replacement), false);
        events.publishEvent(new UserEvents.PasswordChanged(username));
    }

    private long enabledAdmins() {
        return users.findAll().stream()
                .filter(u -> u.isEnabled() && u.getRole() == Role.ADMIN)
                .count();
    }

    private AppUser find(String username) {
        return users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("error.userNotFound", username));
    }

    static String generatedPassword() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
