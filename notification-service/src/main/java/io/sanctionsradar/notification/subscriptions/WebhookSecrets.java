package io.sanctionsradar.notification.subscriptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks secrets and signatures: a secret is {@code whsec_} + base64 of 32 random bytes, and a
 * signature is {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body} keyed with those bytes.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret in use, separated by spaces. */
    public static String signatureHeader(List<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(s -> sign(s, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
