package io.sanctionsradar.notification.subscriptions;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Webhook signing secrets at rest: AES-256-GCM with a random 96-bit nonce per secret, bound to its subscription
 * (the id is the associated data), so a sealed secret copied into another row does not open. Stored as
 * {@code aesgcm1:} + base64(nonce || ciphertext || tag). A plain {@code whsec_} value (written before encryption
 * existed) opens as itself until it is sealed.
 */
public final class SecretBox {

    public static final String PREFIX = "aesgcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From configuration: base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}. */
    public static SecretBox fromBase64(String key) {
        try {
            return new SecretBox(Base64.getDecoder().decode(key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhooks.secret-key must be base64 of 32 bytes: " + e.getMessage());
        }
    }

    public static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String secret, UUID subscriptionId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    /** The secret; null stays null. Fails if the value was sealed with another key or for another subscription. */
    public String open(String stored, UUID subscriptionId) {
        if (stored == null || !sealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, subscriptionId);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the webhook secret of subscription " + subscriptionId
                    + ": sealed with another key (webhooks.secret-key) or for another subscription");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
