package io.sanctionsradar.console.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The development sign-in of a local stack: an OpenID provider inside the console, never in production. */
@ConfigMapping(prefix = "console.dev-sign-in")
public interface DevSignInConfig {

    /** Off unless a non-production profile turns it on; the production profile refuses to start with it. */
    @WithDefault("false")
    boolean enabled();

    /** The directory with the stack's development key pair (jwt-private.pem, jwt-public.pem). */
    Optional<String> keyDir();

    /** The issuer the services trust for development tokens (io.sanctionsradar.infra.DevTokens.ISSUER). */
    @WithDefault("https://sanctions-radar.local/dev-issuer")
    String issuer();

    @WithDefault("PT8H")
    Duration tokenLifetime();
}
