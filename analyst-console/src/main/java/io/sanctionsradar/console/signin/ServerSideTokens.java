package io.sanctionsradar.console.signin;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each session's tokens in this process and gives the browser only a random key to them: the bearer token
 * that calls the services never reaches the browser, not even encrypted. The price is that a restarted console
 * signs everyone out and that two console instances need sticky sessions (docs/console.md).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ServerSideTokens implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A session nobody used for this long is forgotten even if its tokens are still valid. */
    static final Duration IDLE = Duration.ofHours(12);
    static final int MAX_SESSIONS = 50_000;

    private record Entry(AuthorizationCodeTokens tokens, Instant lastUsed) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig config, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        forgetIdle();
        if (sessions.size() >= MAX_SESSIONS) {
            return Uni.createFrom().failure(new IllegalStateException("too many console sessions at once"));
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        sessions.put(state, new Entry(tokens, clock.instant()));
        return Uni.createFrom().item(state);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig config, String state,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        Entry entry = sessions.computeIfPresent(state, (key, old) -> new Entry(old.tokens(), clock.instant()));
        // an unknown key (a restart, or a forged cookie) reads as no tokens: quarkus-oidc signs the user in again
        return Uni.createFrom().item(entry == null ? null : entry.tokens());
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig config, String state,
            OidcRequestContext<Void> request) {
        sessions.remove(state);
        return Uni.createFrom().voidItem();
    }

    int size() {
        return sessions.size();
    }

    private void forgetIdle() {
        Instant cutoff = clock.instant().minus(IDLE);
        sessions.values().removeIf(entry -> entry.lastUsed().isBefore(cutoff));
    }
}
