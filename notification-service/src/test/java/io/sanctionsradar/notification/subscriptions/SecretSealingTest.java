package io.sanctionsradar.notification.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets written in plain text before sealing existed are sealed, and still sign as before. */
@QuarkusTest
class SecretSealingTest {

    @Inject
    DataSource dataSource;

    @Inject
    SubscriptionStore store;

    @Inject
    SecretBox box;

    @Test
    void plain_text_secrets_are_sealed_and_open_to_the_same_secret() throws Exception {
        UUID id = UUID.randomUUID();
        String current = WebhookSecrets.generate();
        String previous = WebhookSecrets.generate();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO subscription (id, url, event_types, authorities, programs, subject_types, countries,
                    portfolios, enabled, secret, previous_secret, previous_secret_until, created_at, updated_at)
                VALUES (?, 'http://127.0.0.1:9/', '{sanctions.entity.listed}', '{}', '{}', '{}', '{}', '{}', false,
                    ?, ?, now() + interval '1 hour', now(), now())""")) {
            st.setObject(1, id);
            st.setString(2, current);
            st.setString(3, previous);
            st.executeUpdate();
        }

        assertTrue(QuarkusTransaction.requiringNew().call(store::sealPlainSecrets) >= 1);
        assertEquals(0, QuarkusTransaction.requiringNew().call(store::sealPlainSecrets), "nothing left to seal");

        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT secret, previous_secret FROM subscription WHERE id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(SecretBox.sealed(rs.getString(1)) && SecretBox.sealed(rs.getString(2)));
                assertEquals(current, box.open(rs.getString(1), id));
                assertEquals(previous, box.open(rs.getString(2), id));
            }
        }
    }
}
