package io.sanctionsradar.notification.subscriptions;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(new byte[32]);
    private final UUID subscription = UUID.randomUUID();
    private final String secret = WebhookSecrets.generate();

    @Test
    void a_sealed_secret_opens_to_itself_and_does_not_show_it() {
        String sealed = box.seal(secret, subscription);
        assertTrue(sealed.startsWith("aesgcm1:"), sealed);
        assertFalse(sealed.contains(secret.substring(6)), "no trace of the secret in the stored value");
        assertEquals(secret, box.open(sealed, subscription));
        assertNotEquals(sealed, box.seal(secret, subscription), "a fresh nonce every time");
    }

    @Test
    void it_opens_only_for_its_subscription_with_its_key_and_untouched() {
        String sealed = box.seal(secret, subscription);
        assertThrows(IllegalStateException.class, () -> box.open(sealed, UUID.randomUUID()));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class, () -> new SecretBox(otherKey).open(sealed, subscription));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(8));
        raw[raw.length - 1] ^= 1;
        String tampered = "aesgcm1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.open(tampered, subscription));
    }

    @Test
    void plain_values_from_before_sealing_open_as_themselves() {
        assertEquals(secret, box.open(secret, subscription));
        assertNull(box.open(null, subscription));
    }

    @Test
    void the_key_must_be_32_bytes_of_base64() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64("not base64!"));
        assertEquals(secret, SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))
                .open(box.seal(secret, subscription), subscription));
    }
}
