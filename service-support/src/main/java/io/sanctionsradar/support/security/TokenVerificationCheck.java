package io.sanctionsradar.support.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/** Refuses to start without a key to verify bearer tokens, rather than run with every API answering 401. */
@ApplicationScoped
public class TokenVerificationCheck {

    private static final List<String> KEY_SETTINGS = List.of("mp.jwt.verify.publickey",
            "mp.jwt.verify.publickey.location", "smallrye.jwt.verify.key.location");

    void check(@Observes StartupEvent started, Config config) {
        boolean configured = KEY_SETTINGS.stream()
                .anyMatch(name -> config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isPresent());
        if (config.getOptionalValue("mp.jwt.verify.issuer", String.class).filter(v -> !v.isBlank()).isEmpty()) {
            throw new IllegalStateException("No issuer to check bearer tokens against: set MP_JWT_VERIFY_ISSUER to the "
                    + "identity provider's issuer (the iss claim of its tokens)");
        }
        if (!configured) {
            throw new IllegalStateException("No key to verify bearer tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the "
                    + "identity provider's JWKS URL or a PEM public key file (scripts/stack makes a development "
                    + "key pair in .stack/), and MP_JWT_VERIFY_ISSUER to its issuer");
        }
    }
}
