package com.paystatus.shared;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A proof-of-work challenge (ALTCHA, {@code org.altcha:altcha}: no third-party service) for clients
 * past a per-network limit: the first requests of a network need none, so forms work without
 * JavaScript; beyond the limit a request must carry a solved challenge, the ALTCHA payload (base64 JSON
 * of {@code algorithm}, {@code challenge}, {@code number}, {@code salt}, {@code signature}). Each
 * solution is accepted once, on every instance (table {@code pow_spent}); an expired one never.
 */
@Component
public class ProofOfWork {

    private static final Logger log = LoggerFactory.getLogger(ProofOfWork.class);

    /** The largest payload looked at: a real one is about 300 characters. */
    static final int MAX_PAYLOAD = 1024;

    /** A challenge as the ALTCHA widget reads it (the field names are its own). */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {}

    private final ProofOfWorkProperties properties;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String key;

    ProofOfWork(ProofOfWorkProperties properties, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        if (properties.hmacKey().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = HexFormat.of().formatHex(random);
        } else {
            this.key = properties.hmacKey();
        }
    }

    /** A new challenge, valid for {@code paystatus.pow.expires}. */
    public Challenge challenge() {
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setMaxNumber(properties.maxNumber())
                    .setHmacKey(key)
                    .setExpires(clock.instant().plus(properties.expires()).getEpochSecond());
            Altcha.Challenge c = Altcha.createChallenge(options);
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a challenge", e);
        }
    }

    /**
     * Whether the payload solves a challenge of ours that has not expired and was never used before;
     * using it spends it. Anything malformed is simply not accepted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean accept(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > MAX_PAYLOAD) {
            return false;
        }
        Instant expires;
        String signature;
        try {
            JsonNode solved = json.readTree(Base64.getDecoder().decode(payload.trim()));
            signature = solved.path("signature").asString("");
            expires = expiry(solved.path("salt").asString(""));
            if (signature.isEmpty()
                    || signature.length() > 128
                    || expires == null
                    || !expires.isAfter(clock.instant())) {
                return false;
            }
            if (!Altcha.verifySolution(payload.trim(), key, false)) {
                return false;
            }
        } catch (Exception e) {
            return false;
        }
        jdbc.update("delete from pow_spent where expires_at < ?", Timestamp.from(clock.instant()));
        try {
            jdbc.update(
                    "insert into pow_spent (signature, expires_at) values (?, ?)", signature, Timestamp.from(expires));
        } catch (DuplicateKeyException replay) {
            log.debug("A proof of work was offered again");
            return false;
        }
        return true;
    }

    /** The {@code expires} parameter ALTCHA puts into the salt ({@code salt?expires=…}), on our clock. */
    private static Instant expiry(String salt) {
        int at = salt.indexOf("expires=");
        if (at < 0) {
            return null;
        }
        String digits = salt.substring(at + "expires=".length()).replaceAll("[^0-9].*$", "");
        return digits.isEmpty() || digits.length() > 12 ? null : Instant.ofEpochSecond(Long.parseLong(digits));
    }
}
