package io.sanctionsradar.notification.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions in PostgreSQL, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubscriptionStore {

    private static final String COLUMNS = """
            id, url, description, event_types, authorities, programs, subject_types, countries, portfolios,
            enabled, disabled_reason, previous_secret_until, created_at, updated_at""";

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    public void insert(Subscription s, String secret) {
        update("""
                INSERT INTO subscription (id, url, description, event_types, authorities, programs, subject_types,
                    countries, portfolios, enabled, disabled_reason, secret, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", (c, st) -> {
            st.setObject(1, s.id());
            setDetails(c, st, 2, s);
            st.setString(12, box.seal(secret, s.id()));
            st.setObject(13, s.createdAt());
            st.setObject(14, s.updatedAt());
        });
    }

    /** Replaces what a PUT may change; false when there is no such subscription. */
    public boolean replace(Subscription s) {
        return update("""
                UPDATE subscription SET url = ?, description = ?, event_types = ?, authorities = ?, programs = ?,
                    subject_types = ?, countries = ?, portfolios = ?, enabled = ?, disabled_reason = ?, updated_at = ?
                WHERE id = ?""", (c, st) -> {
            setDetails(c, st, 1, s);
            st.setObject(11, s.updatedAt());
            st.setObject(12, s.id());
        }) == 1;
    }

    public Optional<Subscription> find(UUID id) {
        List<Subscription> found = query("SELECT " + COLUMNS + " FROM subscription WHERE id = ?",
                st -> st.setObject(1, id));
        return found.stream().findFirst();
    }

    public List<Subscription> list() {
        return query("SELECT " + COLUMNS + " FROM subscription ORDER BY created_at, id", st -> { });
    }

    /** The enabled subscriptions, which new events fan out to. */
    public List<Subscription> enabled() {
        return query("SELECT " + COLUMNS + " FROM subscription WHERE enabled ORDER BY id", st -> { });
    }

    public boolean delete(UUID id) {
        return update("DELETE FROM subscription WHERE id = ?", (c, st) -> st.setObject(1, id)) == 1;
    }

    public void disable(UUID id, String reason) {
        update("UPDATE subscription SET enabled = false, disabled_reason = ?, updated_at = now() WHERE id = ?",
                (c, st) -> {
                    st.setString(1, reason);
                    st.setObject(2, id);
                });
    }

    /** The new secret signs from now on; the old one goes on signing alongside it until {@code overlapUntil}. */
    public boolean rotate(UUID id, String newSecret, OffsetDateTime overlapUntil) {
        return update("""
                UPDATE subscription SET previous_secret = secret, previous_secret_until = ?, secret = ?,
                    updated_at = now()
                WHERE id = ?""", (c, st) -> {
            st.setObject(1, overlapUntil);
            st.setString(2, box.seal(newSecret, id));
            st.setObject(3, id);
        }) == 1;
    }

    /** Seals any secret still stored in plain text (written before encryption at rest); answers how many rows. */
    public int sealPlainSecrets() {
        List<Object[]> plain = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, secret, previous_secret FROM subscription
                WHERE secret NOT LIKE 'aesgcm1:%' OR previous_secret NOT LIKE 'aesgcm1:%' FOR UPDATE""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                plain.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscription secrets", e);
        }
        for (Object[] row : plain) {
            UUID id = (UUID) row[0];
            update("UPDATE subscription SET secret = ?, previous_secret = ? WHERE id = ?", (c, st) -> {
                st.setString(1, sealed((String) row[1], id));
                st.setString(2, sealed((String) row[2], id));
                st.setObject(3, id);
            });
        }
        return plain.size();
    }

    private String sealed(String secret, UUID id) {
        return secret == null || SecretBox.sealed(secret) ? secret : box.seal(secret, id);
    }

    private static void setDetails(Connection c, PreparedStatement st, int first, Subscription s)
            throws SQLException {
        SubscriptionFilter f = s.filter();
        st.setString(first, s.url());
        st.setString(first + 1, s.description());
        st.setArray(first + 2, texts(c, s.eventTypes()));
        st.setArray(first + 3, texts(c, f.authorities()));
        st.setArray(first + 4, texts(c, f.programs()));
        st.setArray(first + 5, texts(c, f.subjectTypes()));
        st.setArray(first + 6, texts(c, f.countries()));
        st.setArray(first + 7, texts(c, f.portfolios()));
        st.setBoolean(first + 8, s.enabled());
        st.setString(first + 9, s.disabledReason());
    }

    private static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                texts(rs, "event_types"),
                new SubscriptionFilter(texts(rs, "authorities"), texts(rs, "programs"), texts(rs, "subject_types"),
                        texts(rs, "countries"), texts(rs, "portfolios")),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getObject("previous_secret_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private interface Binder {
        void bind(Connection c, PreparedStatement st) throws SQLException;
    }

    private interface Params {
        void bind(PreparedStatement st) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(c, st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("subscription update failed", e);
        }
    }

    private List<Subscription> query(String sql, Params params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            params.bind(st);
            List<Subscription> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("subscription query failed", e);
        }
    }
}
