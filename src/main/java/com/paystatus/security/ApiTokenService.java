package com.paystatus.security;

import com.paystatus.shared.Horizon;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for monitoring and scripts: {@code pst_} and 43 characters of 256 random bits, shown once
 * at creation and stored only as their SHA-256 (a hash of that much entropy needs no salt or slow
 * hashing). A token carries a role, may expire, and can be revoked; its name is the actor in the audit
 * log ({@code token:name}).
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "pst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** A created token with its secret, to show once. */
    public record Created(ApiTokenRecord token, String secret) {}

    @Transactional(readOnly = true)
    public List<ApiTokenRecord> all() {
        Instant now = clock.instant();
        return tokens.findAllByOrderByIdDesc().stream()
                .map(t -> t.toRecord(now))
                .toList();
    }

    @Transactional
    public Created create(String name, String roleCode, Instant expiresAt, String actor) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 40 || !trimmed.matches("[\\p{L}\\p{N} ._-]+")) {
            throw new InvalidInputException("name", "validation.tokenName", 40);
        }
        Role role = UserService.role(roleCode);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "validation.expiresInPast");
        }
        if (expiresAt != null && Horizon.beyond(expiresAt, now)) {
            throw new InvalidInputException("expiresAt", "validation.tooFarAhead");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = tokens.save(new ApiToken(trimmed, hash(secret), role, now, actor, expiresAt));
        ApiTokenRecord created = token.toRecord(now);
        events.publishEvent(new UserEvents.TokenCreated(created));
        return new Created(created, secret);
    }

    @Transactional
    public ApiTokenRecord revoke(long id, String actor) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("error.tokenNotFound", id));
        Instant now = clock.instant();
        token.revoke(now, actor);
        ApiTokenRecord revoked = token.toRecord(now);
        events.publishEvent(new UserEvents.TokenRevoked(revoked));
        return revoked;
    }

    /** The token's name and role when it is known, not revoked and not expired. */
    @Transactional(readOnly = true)
    Optional<ApiTokenRecord> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(secret)).filter(t -> t.usableAt(now)).map(t -> t.toRecord(now));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
