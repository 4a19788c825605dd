package io.sanctionsradar.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * SmallRye JWT's parser, plus two things it does not do: it refuses a token issued ({@code iat}) or valid from
 * ({@code nbf}) later than now and the clock skew ({@code mp.jwt.verify.clock.skew}), and it keeps each verified
 * token until its expiry, so a client sending the same token again costs a map lookup, not an RSA verification.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenParser extends DefaultJWTParser {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @ConfigProperty(name = "auth.verified-tokens.max-size", defaultValue = "10000")
    long maxSize;

    private Cache<String, JsonWebToken> verified;

    @PostConstruct
    void createCache() {
        verified = Caffeine.newBuilder().maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = super.parse(token);
        refuseIfFromTheFuture(jwt);
        verified.put(token, jwt);
        return jwt;
    }

    private void refuseIfFromTheFuture(JsonWebToken jwt) throws ParseException {
        long latest = Instant.now().getEpochSecond() + clockSkewSeconds;
        if (seconds(jwt.getClaim("iat")) > latest) {
            throw new ParseException("the token is issued in the future (iat beyond the clock skew)");
        }
        if (seconds(jwt.getClaim("nbf")) > latest) {
            throw new ParseException("the token is not valid yet (nbf beyond the clock skew)");
        }
    }

    private static long seconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return claim instanceof JsonNumber number ? number.longValue() : Long.MIN_VALUE;
    }

    private static Duration untilExpiry(JsonWebToken jwt) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
