package io.sanctionsradar.notification.subscriptions;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretsTest {

    // the example of the Standard Webhooks specification, checked independently with openssl
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void signs_as_the_standard_webhooks_specification_does() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSecrets.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void every_byte_of_id_timestamp_and_body_is_signed() {
        String signature = WebhookSecrets.sign(SECRET, "msg_1", 1614265330, "{}");
        assertNotEquals(signature, WebhookSecrets.sign(SECRET, "msg_2", 1614265330, "{}"));
        assertNotEquals(signature, WebhookSecrets.sign(SECRET, "msg_1", 1614265331, "{}"));
        assertNotEquals(signature, WebhookSecrets.sign(SECRET, "msg_1", 1614265330, "{ }"));
    }

    @Test
    void generated_secrets_are_whsec_and_32_random_bytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSecrets.generate();
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
            seen.add(secret);
        }
        assertEquals(100, seen.size());
    }

    @Test
    void during_a_rotation_the_header_carries_one_signature_per_secret() {
        String other = WebhookSecrets.generate();
        String header = WebhookSecrets.signatureHeader(List.of(SECRET, other), "msg_1", 1, "{}");
        assertEquals(WebhookSecrets.sign(SECRET, "msg_1", 1, "{}") + " " + WebhookSecrets.sign(other, "msg_1", 1, "{}"),
                header);
    }
}
