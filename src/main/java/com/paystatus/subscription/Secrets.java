package com.paystatus.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Random tokens and secrets, hashes that stand for an address, and addresses masked for admins. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 32 random bytes, URL-safe: the token in a subscriber's confirm and unsubscribe links. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A Standard Webhooks secret: {@code whsec_} and 24 random bytes in base64. */
    static String webhookSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code a***@example.com}; a URL as its scheme and host only. */
    static String mask(String type, String address) {
        if ("email".equals(type)) {
            int at = address.indexOf('@');
            return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
        }
        try {
            java.net.URI uri = java.net.URI.create(address);
            return uri.getScheme() + "://" + uri.getHost() + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }
}
