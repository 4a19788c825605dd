package io.sanctionsradar.console.signin;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The development provider's authorization codes: one use each, a minute to live, bound to their PKCE challenge. */
@ApplicationScoped
public class PendingCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Grant(String clientId, String redirectUri, String codeChallenge, String nonce, String subject,
            List<String> roles, List<String> portfolios) {
    }

    private record Pending(Grant grant, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    String issue(Grant grant) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, new Pending(grant, now.plus(LIFETIME)));
        return code;
    }

    /** The grant of this code, once; null when unknown, used or expired. */
    Grant redeem(String code) {
        Pending found = code == null ? null : pending.remove(code);
        return found == null || found.expires().isBefore(Instant.now()) ? null : found.grant();
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
