package io.sanctionsradar.designation.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One sync of a list at a time across every instance: a PostgreSQL advisory lock per list, held on a connection
 * of its own for the length of the sync (the sync's own transactions come and go meanwhile).
 */
@ApplicationScoped
public class SyncLock {

    @Inject
    DataSource dataSource;

    /** Runs the work holding the list's lock; empty, without running it, if another sync holds it. */
    public <T> Optional<T> whileHeld(String list, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!call(c, "SELECT pg_try_advisory_lock(?, hashtext(?))", list)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(c, "SELECT pg_advisory_unlock(?, hashtext(?))", list); // the pooled session outlives us
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the sync of " + list, e);
        }
    }

    /** Lock space 0x5359_4e43 ("SYNC") keeps these locks apart from any other advisory lock. */
    private static boolean call(Connection c, String sql, String list) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setInt(1, 0x5359_4e43);
            q.setString(2, list);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
