package io.sanctionsradar.infra.testing;

import io.sanctionsradar.infra.DevTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for the services' tests, signed by a key pair kept in the module's {@code target/test-keys}.
 * {@link LocalInfraTestResource} points the service at its public key; {@link DefaultBearerToken} gives every
 * RestAssured request {@link #everything()} unless the test sets its own Authorization header.
 */
public final class TestTokens {

    /** The subject of the default token, as the audit trail and history record it. */
    public static final String TEST_USER = "test-user";
    /** Every role, and every portfolio. */
    public static final List<String> ALL_ROLES = List.of("analyst", "screener", "subscriptions-admin", "auditor");

    private TestTokens() {
    }

    private static DevTokens keys;

    /** The module's test key pair, read (or made) once. */
    public static synchronized DevTokens keys() {
        if (keys == null) {
            keys = DevTokens.in(Path.of("target", "test-keys"));
        }
        return keys;
    }

    /** "Bearer …" for a token with every role over every portfolio. */
    public static String everything() {
        return bearer(TEST_USER, ALL_ROLES, List.of("*"));
    }

    /** "Bearer …" for a token of {@code subject} with these roles and portfolios, valid for an hour. */
    public static String bearer(String subject, List<String> roles, List<String> portfolios) {
        return "Bearer " + keys().mint(subject, roles, portfolios, Duration.ofHours(1));
    }
}
