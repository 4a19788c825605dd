package io.sanctionsradar.designation.sources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.designation.imports.ImportReport;
import io.sanctionsradar.designation.sources.ListDownloader.Validators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The sync state of each list and the history of every import (plain JDBC: a few rows per import). */
@ApplicationScoped
public class ListSourceStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** What the last syncs and uploads of a list left behind. */
    public record State(String list, Map<String, Validators> validators, String contentHash, Long contentSize,
                        Instant lastAttemptAt, Instant lastSuccessAt, Instant lastChangeAt, String lastOutcome,
                        String lastError) {
        static State none(String list) {
            return new State(list, Map.of(), null, null, null, null, null, null, null);
        }
    }

    public record Page(List<ListImport> items, int offset, int size, long total) {
    }

    @Transactional
    public State state(String list) {
        return states(list).getOrDefault(list, State.none(list));
    }

    /** Every list's state; one list's only when {@code list} is not null. */
    @Transactional
    public Map<String, State> states(String list) {
        Map<String, State> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM list_source_state"
                     + (list == null ? "" : " WHERE list_code = ?"))) {
            if (list != null) {
                q.setString(1, list);
            }
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    State s = new State(rows.getString("list_code"), read(rows.getString("validators"), VALIDATORS),
                            rows.getString("content_hash"), (Long) rows.getObject("content_size"),
                            instant(rows, "last_attempt_at"), instant(rows, "last_success_at"),
                            instant(rows, "last_change_at"), rows.getString("last_outcome"), rows.getString("last_error"));
                    out.put(s.list(), s);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read list sources", e);
        }
    }

    /**
     * Records a finished import and what it means for its list's state, in one transaction: a success moves the
     * validators, hash and success time on; a failure keeps them (the last good list keeps serving) and says why.
     */
    @Transactional
    public void record(ListImport done, Map<String, Validators> validators) {
        insert(done);
        if (done.list() == null) {
            return;
        }
        boolean good = done.outcome() == ListImport.Outcome.IMPORTED || done.outcome() == ListImport.Outcome.UNCHANGED;
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     INSERT INTO list_source_state AS s (list_code, validators, content_hash, content_size, last_attempt_at,
                         last_success_at, last_change_at, last_outcome, last_error)
                     VALUES (?, COALESCE(?::jsonb, '{}'), ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (list_code) DO UPDATE SET
                         validators = COALESCE(?::jsonb, s.validators),
                         content_hash = COALESCE(excluded.content_hash, s.content_hash),
                         content_size = COALESCE(excluded.content_size, s.content_size),
                         last_attempt_at = excluded.last_attempt_at,
                         last_success_at = COALESCE(excluded.last_success_at, s.last_success_at),
                         last_change_at = COALESCE(excluded.last_change_at, s.last_change_at),
                         last_outcome = excluded.last_outcome, last_error = excluded.last_error""")) {
            String validatorsJson = good && validators != null ? json.writeValueAsString(validators) : null;
            Timestamp finished = Timestamp.from(done.finishedAt());
            upsert.setString(1, done.list());
            upsert.setString(2, validatorsJson);
            upsert.setString(3, good ? done.contentHash() : null);
            upsert.setObject(4, good ? done.contentSize() : null);
            upsert.setTimestamp(5, finished);
            upsert.setTimestamp(6, good ? finished : null);
            upsert.setTimestamp(7, done.changedAnything() ? finished : null);
            upsert.setString(8, done.outcome().name());
            upsert.setString(9, done.error());
            upsert.setString(10, validatorsJson);
            upsert.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot record the import of " + done.list(), e);
        }
    }

    private void insert(ListImport done) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO list_import (import_id, list_code, format, trigger, actor, started_at, finished_at,
                         outcome, content_hash, content_size, files, report, error)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")) {
            insert.setObject(1, done.importId());
            insert.setString(2, done.list());
            insert.setString(3, done.format());
            insert.setString(4, done.trigger().name());
            insert.setString(5, done.actor());
            insert.setTimestamp(6, Timestamp.from(done.startedAt()));
            insert.setTimestamp(7, Timestamp.from(done.finishedAt()));
            insert.setString(8, done.outcome().name());
            insert.setString(9, done.contentHash());
            insert.setObject(10, done.contentSize());
            insert.setString(11, json.writeValueAsString(done.files()));
            insert.setString(12, done.report() == null ? null : json.writeValueAsString(done.report()));
            insert.setString(13, done.error());
            insert.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot record the import of " + done.list(), e);
        }
    }

    /** The history, newest first, of one list or of all. */
    @Transactional
    public Page imports(String list, int offset, int size) {
        String where = list == null ? "" : " WHERE list_code = ?";
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM list_import" + where
                     + " ORDER BY started_at DESC, import_id OFFSET ? LIMIT ?");
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM list_import" + where)) {
            int i = 1;
            if (list != null) {
                q.setString(i++, list);
                count.setString(1, list);
            }
            q.setInt(i++, offset);
            q.setInt(i, size);
            List<ListImport> items = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    items.add(listImport(rows));
                }
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new Page(items, offset, size, rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the import history", e);
        }
    }

    @Transactional
    public Optional<ListImport> find(UUID importId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM list_import WHERE import_id = ?")) {
            q.setObject(1, importId);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(listImport(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the import history", e);
        }
    }

    /** The format of the newest import of a list, or null. */
    @Transactional
    public String lastFormat(String list) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT format FROM list_import WHERE list_code = ? ORDER BY started_at DESC LIMIT 1")) {
            q.setString(1, list);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the import history", e);
        }
    }

    /** Active designations per source list: how much of each list is being served. */
    @Transactional
    public Map<String, Long> activeEntries() {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT source_list, count(*) FROM designation WHERE status = 'ACTIVE' GROUP BY source_list");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                out.put(rows.getString(1), rows.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count active entries", e);
        }
    }

    private ListImport listImport(ResultSet rows) throws SQLException {
        String report = rows.getString("report");
        return new ListImport(rows.getObject("import_id", UUID.class), rows.getString("list_code"),
                rows.getString("format"), ListImport.Trigger.valueOf(rows.getString("trigger")), rows.getString("actor"),
                instant(rows, "started_at"), instant(rows, "finished_at"),
                ListImport.Outcome.valueOf(rows.getString("outcome")), rows.getString("content_hash"),
                (Long) rows.getObject("content_size"), read(rows.getString("files"), FILES),
                report == null ? null : read(report, REPORT), rows.getString("error"));
    }

    private static final TypeReference<Map<String, Validators>> VALIDATORS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> FILES = new TypeReference<>() {
    };
    private static final TypeReference<ImportReport> REPORT = new TypeReference<>() {
    };

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored JSON", e);
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp t = rows.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
