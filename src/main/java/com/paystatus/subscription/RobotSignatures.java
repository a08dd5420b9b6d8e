package com.paystatus.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two vendors' signing schemes for custom robots, as each documents it. Both sign the same
 * string, {@code timestamp + "\n" + secret}, with HMAC-SHA256, but use it differently:
 *
 * <ul>
 *   <li>DingTalk (自定义机器人安全设置, 加签: https://open.dingtalk.com/document/robots/customize-robot-security-settings):
 *       the secret is the key and that string the message; the Base64 of the MAC is URL-encoded
 *       into the query as {@code sign}, beside {@code timestamp} in milliseconds.
 *   <li>Feishu (自定义机器人使用指南, 签名校验: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 *       that string is the key and the message is empty; the Base64 of the MAC goes into the JSON
 *       body as {@code sign}, beside {@code timestamp} in seconds.
 * </ul>
 *
 * Either vendor refuses a timestamp more than an hour from its own clock.
 */
final class RobotSignatures {

    private RobotSignatures() {}

    /** DingTalk's {@code sign}, Base64 (not yet URL-encoded). */
    static String dingTalk(long timestampMillis, String secret) {
        String toSign = timestampMillis + "\n" + secret;
        return base64(hmac(secret.getBytes(StandardCharsets.UTF_8), toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Feishu's {@code sign}, Base64. */
    static String feishu(long timestampSeconds, String secret) {
        String key = timestampSeconds + "\n" + secret;
        return base64(hmac(key.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
