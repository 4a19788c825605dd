package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.screening.monitoring.AlertEvents.Amendment;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchAmended;
import io.sanctionsradar.screening.monitoring.AlertStore.Pair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The further listings behind alerts (table alert_evidence) and their {@code screening.match.amended} events, in the
 * caller's transaction. Evidence counts only while its alert stands (OPEN or TRUE_MATCH).
 */
@ApplicationScoped
class EvidenceStore {

    private static final String LIVE = "e.removed_at IS NULL AND a.status IN ('" + Alert.OPEN + "', '"
            + Alert.TRUE_MATCH + "')";

    @Inject
    DataSource dataSource;

    @Inject
    AlertOutbox outbox;

    /** A further listing standing as evidence on a live alert. */
    record Evidence(UUID alertId, String subjectId, Pair pair, int entryVersion, double score, JsonNode party,
                    JsonNode match, JsonNode trigger, String watchlistVersion, double threshold) {
    }

    /** The live evidence of each pair that has some. */
    Map<Pair, Evidence> live(Collection<Pair> pairs) {
        Map<Pair, Evidence> out = new HashMap<>();
        if (!pairs.isEmpty()) {
            select("(a.portfolio, a.party_id, e.entry_id) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[]))",
                    (c, q) -> {
                        q.setArray(1, c.createArrayOf("text", pairs.stream().map(Pair::portfolio).toArray()));
                        q.setArray(2, c.createArrayOf("text", pairs.stream().map(Pair::partyId).toArray()));
                        q.setArray(3, c.createArrayOf("uuid", pairs.stream().map(p -> UUID.fromString(p.entryId())).toArray()));
                    }).forEach(e -> out.put(e.pair(), e));
        }
        return out;
    }

    List<Evidence> liveForEntries(Collection<String> entryIds) {
        return entryIds.isEmpty() ? List.of() : select("e.entry_id = ANY(?)",
                (c, q) -> q.setArray(1, c.createArrayOf("uuid", entryIds.stream().map(UUID::fromString).toArray())));
    }

    /** The live evidence of these alerts, best score first (read before the alerts themselves are cleared). */
    List<Evidence> liveOf(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of() : select("e.alert_id = ANY(?) ORDER BY e.score DESC, e.entry_id",
                (c, q) -> q.setArray(1, c.createArrayOf("uuid", alertIds.toArray())));
    }

    /** Adds, updates or removes evidence, each change with its event. */
    void amend(List<MatchAmended> amendments) {
        if (amendments.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     INSERT INTO alert_evidence (alert_id, entry_id, entry_version, party_version, score, party, match,
                         trigger, added_at, updated_at, watchlist_version, threshold)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                     ON CONFLICT (alert_id, entry_id) DO UPDATE SET entry_version = excluded.entry_version,
                         party_version = excluded.party_version, score = excluded.score, party = excluded.party,
                         match = excluded.match, trigger = excluded.trigger, updated_at = excluded.updated_at,
                         watchlist_version = excluded.watchlist_version, threshold = excluded.threshold,
                         removed_at = NULL, removed_reason = NULL""");
             PreparedStatement remove = c.prepareStatement("""
                     UPDATE alert_evidence SET removed_at = ?, removed_reason = ?, updated_at = ?
                     WHERE alert_id = ? AND entry_id = ? AND removed_at IS NULL""")) {
            List<AlertOutbox.Event> events = new ArrayList<>();
            for (MatchAmended m : amendments) {
                Timestamp at = Timestamp.from(m.amendedAt());
                if (m.change() == Amendment.LISTING_REMOVED) {
                    remove.setTimestamp(1, at);
                    remove.setString(2, m.reason().name());
                    remove.setTimestamp(3, at);
                    remove.setObject(4, m.alertId());
                    remove.setObject(5, UUID.fromString(m.entryId()));
                    remove.executeUpdate();
                } else {
                    upsert.setObject(1, m.alertId());
                    upsert.setObject(2, UUID.fromString(m.entryId()));
                    upsert.setInt(3, m.entryVersion());
                    upsert.setInt(4, m.party().path("version").asInt());
                    upsert.setDouble(5, m.match().path("score").asDouble());
                    upsert.setString(6, outbox.json(m.party()));
                    upsert.setString(7, outbox.json(m.match()));
                    upsert.setString(8, outbox.json(m.trigger()));
                    upsert.setTimestamp(9, at);
                    upsert.setTimestamp(10, at);
                    upsert.setString(11, m.watchlistVersion());
                    upsert.setDouble(12, m.threshold());
                    upsert.executeUpdate();
                }
                events.add(new AlertOutbox.Event(AlertEvents.AMENDED, m.portfolio(), m.partyId(), m.alertId(), m,
                        m.amendedAt()));
            }
            outbox.write(c, events);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot amend alerts", e);
        }
    }

    /** The alerts with their evidence, oldest first, live or not. */
    List<Alert> attach(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        Map<UUID, List<Alert.Evidence>> byAlert = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT * FROM alert_evidence WHERE alert_id = ANY(?) ORDER BY added_at, entry_id")) {
            q.setArray(1, c.createArrayOf("uuid", alerts.stream().map(Alert::alertId).toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    Timestamp removed = rows.getTimestamp("removed_at");
                    byAlert.computeIfAbsent(rows.getObject("alert_id", UUID.class), k -> new ArrayList<>())
                            .add(new Alert.Evidence(rows.getString("entry_id"), rows.getInt("entry_version"),
                                    rows.getInt("party_version"), rows.getDouble("score"),
                                    outbox.tree(rows.getString("match")), outbox.tree(rows.getString("trigger")),
                                    rows.getTimestamp("added_at").toInstant(), rows.getTimestamp("updated_at").toInstant(),
                                    removed == null ? null : removed.toInstant(), rows.getString("removed_reason")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert evidence", e);
        }
        return alerts.stream().map(a -> a.withEvidence(byAlert.getOrDefault(a.alertId(), List.of()))).toList();
    }

    private List<Evidence> select(String where, AlertStore.Binder binder) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT e.*, a.portfolio, a.party_id, a.subject_id FROM alert_evidence e "
                     + "JOIN alert a ON a.alert_id = e.alert_id WHERE " + LIVE + " AND " + where)) {
            binder.bind(c, q);
            List<Evidence> out = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(new Evidence(rows.getObject("alert_id", UUID.class), rows.getString("subject_id"),
                            new Pair(rows.getString("portfolio"), rows.getString("party_id"), rows.getString("entry_id")),
                            rows.getInt("entry_version"), rows.getDouble("score"), outbox.tree(rows.getString("party")),
                            outbox.tree(rows.getString("match")), outbox.tree(rows.getString("trigger")),
                            rows.getString("watchlist_version"), rows.getDouble("threshold")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert evidence", e);
        }
    }
}
