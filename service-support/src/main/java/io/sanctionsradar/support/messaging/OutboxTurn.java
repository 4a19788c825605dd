package io.sanctionsradar.support.messaging;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One relay publishing an outbox at a time across every instance that shares the database: a PostgreSQL advisory
 * lock per outbox table, taken in the relay's transaction and released when it ends. Locking rows alone would let
 * two instances publish consecutive batches at once, and the later batch could reach the broker first: one key's
 * events out of order, which a compacted topic keeps for good.
 */
public final class OutboxTurn {

    /** Lock space 0x4f55_5442 ("OUTB") keeps these locks apart from any other advisory lock. */
    private static final int LOCK_SPACE = 0x4f55_5442;

    private final DataSource dataSource;
    private final String outbox;

    /** {@code outbox}: the table's name, which keys the lock. */
    public OutboxTurn(DataSource dataSource, String outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Takes the turn for the caller's transaction, until it ends; false when another relay holds it. */
    public boolean tryTake() {
        // in a transaction the pool answers its one connection, whoever asks, so the lock is the transaction's
        try (Connection connection = dataSource.getConnection()) {
            return tryTake(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the publishing turn of " + outbox, e);
        }
    }

    /** Takes the turn for the transaction open on this connection; false when another relay holds it. */
    public boolean tryTake(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setString(2, outbox);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    @Override
    public String toString() {
        return outbox;
    }
}
