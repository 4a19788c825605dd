package io.sanctionsradar.screening.screenings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Stores every screening's receipt (and each batch's summary) so an examiner can see what was answered, and why. */
@ApplicationScoped
public class ReceiptStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * A batch's summary receipt; its results are receipts of their own, in order. {@code portfolio} is that of the
     * monitored parties it screened, null for a batch asked directly.
     */
    public record BatchReceipt(UUID batchId, Instant screenedAt, String watchlistVersion, String algorithm,
                               int queryCount, int matchedCount, String source, String portfolio) {
    }

    /** Saves receipts of direct screenings: no portfolio. */
    public void save(List<ScreeningResult> results, int firstIndex) {
        save(results, firstIndex, null);
    }

    /**
     * Saves the receipts in one statement batch; {@code firstIndex} numbers them within their batch, and
     * {@code portfolio} is that of the monitored parties screened (null for a direct screening).
     */
    public void save(List<ScreeningResult> results, int firstIndex, String portfolio) {
        if (results.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO screening_receipt (screening_id, batch_id, batch_index, screened_at, watchlist_version,
                         algorithm, request, result, match_count, portfolio)
                     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")) {
            int index = firstIndex;
            for (ScreeningResult result : results) {
                insert.setObject(1, result.screeningId());
                insert.setObject(2, result.batchId());
                if (result.batchId() != null) {
                    insert.setInt(3, index++);
                } else {
                    insert.setNull(3, java.sql.Types.INTEGER);
                }
                insert.setTimestamp(4, Timestamp.from(result.screenedAt()));
                insert.setString(5, result.watchlistVersion());
                insert.setString(6, result.algorithm());
                insert.setString(7, write(result.query()));
                insert.setString(8, write(result));
                insert.setInt(9, result.matches().size());
                insert.setString(10, portfolio);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store screening receipts", e);
        }
    }

    public void saveBatch(BatchReceipt batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO screening_batch (batch_id, screened_at, watchlist_version, algorithm, query_count,
                         match_count, source, portfolio) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, batch.batchId());
            insert.setTimestamp(2, Timestamp.from(batch.screenedAt()));
            insert.setString(3, batch.watchlistVersion());
            insert.setString(4, batch.algorithm());
            insert.setInt(5, batch.queryCount());
            insert.setInt(6, batch.matchedCount());
            insert.setString(7, batch.source());
            insert.setString(8, batch.portfolio());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the batch receipt", e);
        }
    }

    /** The receipt exactly as it was answered; none if it is of a portfolio that {@code visible} refuses. */
    public Optional<JsonNode> find(UUID screeningId, Predicate<String> visible) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT result, portfolio FROM screening_receipt WHERE screening_id = ?")) {
            query.setObject(1, screeningId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && (rows.getString(2) == null || visible.test(rows.getString(2)))
                        ? Optional.of(read(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the screening receipt", e);
        }
    }

    /** A batch's receipt; none if it is of a portfolio that {@code visible} refuses. */
    public Optional<BatchReceipt> findBatch(UUID batchId, Predicate<String> visible) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT batch_id, screened_at, watchlist_version, algorithm, query_count, match_count, source,
                         portfolio
                     FROM screening_batch WHERE batch_id = ?""")) {
            query.setObject(1, batchId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || rows.getString(8) != null && !visible.test(rows.getString(8))) {
                    return Optional.empty();
                }
                return Optional.of(new BatchReceipt(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                        rows.getString(3), rows.getString(4), rows.getInt(5), rows.getInt(6), rows.getString(7),
                        rows.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batch receipt", e);
        }
    }

    /** One page of a batch's results, in the order they were asked. */
    public List<JsonNode> batchResults(UUID batchId, int offset, int size) {
        List<JsonNode> results = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT result FROM screening_receipt WHERE batch_id = ? AND batch_index >= ?
                     ORDER BY batch_index LIMIT ?""")) {
            query.setObject(1, batchId);
            query.setInt(2, offset);
            query.setInt(3, size);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    results.add(read(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batch's receipts", e);
        }
        return results;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a receipt", e);
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt is not readable", e);
        }
    }
}
