package com.paystatus.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named API token. Only the SHA-256 of the token is kept; the token itself was shown once. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String tokenHash;
    private String role;
    private Instant createdAt;
    private String createdBy;
    private Instant expiresAt;
    private Instant revokedAt;
    private String revokedBy;

    protected ApiToken() {}

    ApiToken(String name, String tokenHash, Role role, Instant createdAt, String createdBy, Instant expiresAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role.code();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now, String actor) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = actor;
        }
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Role getRole() {
        return Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
    }

    ApiTokenRecord toRecord(Instant now) {
        return new ApiTokenRecord(
                id, name, getRole(), createdAt, createdBy, expiresAt, revokedAt, revokedBy, usableAt(now));
    }
}
