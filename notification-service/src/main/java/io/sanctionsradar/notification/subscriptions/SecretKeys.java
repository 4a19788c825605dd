package io.sanctionsradar.notification.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The key that seals webhook secrets: required at startup, and any secret still in plain text is sealed then. */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class);

    @Produces
    @Singleton
    SecretBox box(WebhookConfig config) {
        return SecretBox.fromBase64(config.secretKey().orElseThrow(() -> new IllegalStateException(
                "webhooks.secret-key (WEBHOOKS_SECRET_KEY) is not set: it must be base64 of 32 random bytes, "
                        + "e.g. the output of `openssl rand -base64 32`, and stay the same across restarts")));
    }

    void sealPlainSecrets(@Observes StartupEvent start, SubscriptionStore store) {
        int sealed = QuarkusTransaction.requiringNew().call(store::sealPlainSecrets);
        if (sealed > 0) {
            LOG.infof("sealed the plain-text signing secrets of %d subscription(s)", sealed);
        }
    }
}
