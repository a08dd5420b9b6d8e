package com.paystatus.security;

import java.time.Instant;

/** What the admin pages and the API show of a user: never the password hash. */
public record UserRecord(String username, Role role, boolean enabled, boolean mustChangePassword, Instant createdAt) {}
