package com.paystatus.security;

import com.paystatus.audit.AuditDetails;
import com.paystatus.audit.Auditable;
import com.paystatus.audit.Audited;

/** What happens to accounts and API tokens. None of it is public; all of it is audited. */
public final class UserEvents {

    private UserEvents() {}

    public record UserCreated(UserRecord user) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    "user.create",
                    "user/" + user.username(),
                    AuditDetails.none().withValue("role", user.role().code()));
        }
    }

    public record UserEnabledSet(String username, boolean before, boolean enabled) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    enabled ? "user.enable" : "user.disable",
                    "user/" + username,
                    AuditDetails.none().withChange("enabled", before, enabled));
        }
    }

    public record UserRoleChanged(String username, Role before, Role role) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    "user.role",
                    "user/" + username,
                    AuditDetails.none().withChange("role", before.code(), role.code()));
        }
    }

    /** An admin reset the password; the user must choose a new one at the next sign-in. */
    public record PasswordReset(String username) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of("user.passwordReset", "user/" + username, AuditDetails.none());
        }
    }

    /** The user changed their own password. */
    public record PasswordChanged(String username) implements Auditable {
        @Override
        public Audited audited() {
            return new Audited(username, "user.passwordChange", "user/" + username, AuditDetails.none());
        }
    }

    public record TokenCreated(ApiTokenRecord token) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    "token.create",
                    "token/" + token.id(),
                    AuditDetails.none()
                            .withValue("name", token.name())
                            .withValue("role", token.role().code())
                            .withValue("expiresAt", token.expiresAt()));
        }
    }

    public record TokenRevoked(ApiTokenRecord token) implements Auditable {
        @Override
        public Audited audited() {
            return Audited.of(
                    "token.revoke", "token/" + token.id(), AuditDetails.none().withNote("name", token.name()));
        }
    }
}
