package com.paystatus.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person who may sign in to the admin area. Only the password's hash is stored. Changing the
 * password, the role or disabling the account bumps {@code sessionVersion}, which ends every session
 * signed in before (on every instance, since it is checked against the database on each request).
 */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String passwordHash;
    private String role;
    private boolean enabled;
    private boolean mustChangePassword;
    private long sessionVersion;
    private Instant createdAt;

    protected AppUser() {}

    AppUser(String username, String passwordHash, Role role, boolean mustChangePassword, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.code();
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
    }

    void changePassword(String newHash, boolean mustChange) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChange;
        this.sessionVersion++;
    }

    void changeRole(Role newRole) {
        this.role = newRole.code();
        this.sessionVersion++;
    }

    void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            this.enabled = enabled;
            this.sessionVersion++;
        }
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    long getSessionVersion() {
        return sessionVersion;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    UserRecord toRecord() {
        return new UserRecord(username, getRole(), enabled, mustChangePassword, createdAt);
    }
}
