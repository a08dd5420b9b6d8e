package com.paystatus.security;

import java.time.Instant;

/** What admins see of a token: never the token, never its hash. */
public record ApiTokenRecord(
        long id,
        String name,
        Role role,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        boolean active) {}
