package io.sanctionsradar.console.signin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;

/** Refuses to start a production console with the development sign-in, which mints any role for anyone. */
public class ProductionGuard {

    void check(@Observes StartupEvent start, DevSignInConfig devSignIn) {
        refuseInProduction(devSignIn.enabled(), ConfigUtils.getProfiles());
    }

    static void refuseInProduction(boolean devSignIn, java.util.List<String> profiles) {
        if (devSignIn && profiles.contains("prod")) {
            throw new IllegalStateException("console.dev-sign-in.enabled=true in the production profile: the "
                    + "development sign-in lets anyone choose their roles. Turn it off and configure the identity "
                    + "provider (OIDC_AUTH_SERVER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), or run the stack "
                    + "profile (QUARKUS_PROFILE=stack) for a local trial.");
        }
    }
}
