package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchFound;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts and their {@code screening.alerts} events (plain JDBC, in the caller's transaction): an alert row and
 * its outbox row are written together, so an alert is published exactly when it is stored.
 */
@ApplicationScoped
public class AlertStore {

    /** Alerts that still stand: undecided, or confirmed. */
    static final List<String> LIVE = List.of(Alert.OPEN, Alert.TRUE_MATCH);
    private static final String IS_LIVE = "status IN ('" + Alert.OPEN + "', '" + Alert.TRUE_MATCH + "')";

    @Inject
    DataSource dataSource;

    @Inject
    AlertOutbox outbox;

    @Inject
    EvidenceStore evidence;

    @Inject
    AlertMetrics metrics;

    /** One party and one entry, across versions. */
    public record Pair(String portfolio, String partyId, String entryId) {
    }

    /** The part of an alert that decides what a new hit does. */
    public record State(UUID alertId, Pair pair, int partyVersion, int entryVersion, String status, Instant foundAt,
                        String subjectId) {
        boolean live() {
            return LIVE.contains(status);
        }
    }

    /** The newest alert of each pair (highest entry version, then party version). */
    public Map<Pair, State> latest(Collection<Pair> pairs) {
        Map<Pair, State> out = new HashMap<>();
        if (pairs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT DISTINCT ON (a.portfolio, a.party_id, a.entry_id) %s FROM alert a
                     JOIN unnest(?::text[], ?::text[], ?::uuid[]) AS p(portfolio, party_id, entry_id)
                       ON a.portfolio = p.portfolio AND a.party_id = p.party_id AND a.entry_id = p.entry_id
                     ORDER BY a.portfolio, a.party_id, a.entry_id, a.entry_version DESC, a.party_version DESC"""
                     .formatted(STATE_COLUMNS))) {
            q.setArray(1, c.createArrayOf("text", pairs.stream().map(Pair::portfolio).toArray()));
            q.setArray(2, c.createArrayOf("text", pairs.stream().map(Pair::partyId).toArray()));
            q.setArray(3, c.createArrayOf("uuid", pairs.stream().map(p -> UUID.fromString(p.entryId())).toArray()));
            for (State s : states(q)) {
                out.put(s.pair(), s);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alerts", e);
        }
    }

    /** Live alerts on these entries. */
    public List<State> liveForEntries(Collection<String> entryIds) {
        return entryIds.isEmpty() ? List.of() : live("a.entry_id = ANY(?)",
                (c, q) -> q.setArray(1, c.createArrayOf("uuid", entryIds.stream().map(UUID::fromString).toArray())));
    }

    /** Live alerts of these parties of one portfolio. */
    public List<State> liveForParties(String portfolio, Collection<String> partyIds) {
        return partyIds.isEmpty() ? List.of() : live("a.portfolio = ? AND a.party_id = ANY(?)", (c, q) -> {
            q.setString(1, portfolio);
            q.setArray(2, c.createArrayOf("text", partyIds.toArray()));
        });
    }

    /** One party and one subject: the scope of an alert. */
    public record SubjectKey(String portfolio, String partyId, String subjectId) {
    }

    /** The live alert of each party and subject, if any (the newest, should an older one still stand). */
    public Map<SubjectKey, UUID> liveBySubject(Collection<SubjectKey> keys) {
        Map<SubjectKey, UUID> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT DISTINCT ON (a.portfolio, a.party_id, a.subject_id) a.portfolio, a.party_id, a.subject_id,
                            a.alert_id FROM alert a
                     JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(portfolio, party_id, subject_id)
                       ON a.portfolio = k.portfolio AND a.party_id = k.party_id AND a.subject_id = k.subject_id
                     WHERE a.""" + IS_LIVE + " ORDER BY a.portfolio, a.party_id, a.subject_id, a.found_at DESC")) {
            q.setArray(1, c.createArrayOf("text", keys.stream().map(SubjectKey::portfolio).toArray()));
            q.setArray(2, c.createArrayOf("text", keys.stream().map(SubjectKey::partyId).toArray()));
            q.setArray(3, c.createArrayOf("text", keys.stream().map(SubjectKey::subjectId).toArray()));
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.put(new SubjectKey(rows.getString(1), rows.getString(2), rows.getString(3)),
                            rows.getObject(4, UUID.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alerts", e);
        }
    }

    /** Binds a query's parameters. */
    interface Binder {
        void bind(Connection c, PreparedStatement q) throws SQLException;
    }

    private List<State> live(String where, Binder binder) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM alert a WHERE " + where
                     + " AND a." + IS_LIVE)) {
            binder.bind(c, q);
            return states(q);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alerts", e);
        }
    }

    /** Stores the alerts that do not exist yet, each with its event; answers how many were new. */
    public int insert(List<MatchFound> found) {
        if (found.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO alert (alert_id, portfolio, party_id, party_version, entry_id, entry_version, score,
                         status, party, match, trigger, watchlist_version, algorithm, threshold, found_at, updated_at,
                         subject_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (portfolio, party_id, entry_id, entry_version, party_version) DO NOTHING""")) {
            for (MatchFound f : found) {
                insert.setObject(1, f.alertId());
                insert.setString(2, f.portfolio());
                insert.setString(3, f.party().partyId());
                insert.setInt(4, f.party().version());
                insert.setObject(5, UUID.fromString(f.match().entryId()));
                insert.setInt(6, f.match().entryVersion());
                insert.setDouble(7, f.match().score());
                insert.setString(8, outbox.json(f.party()));
                insert.setString(9, outbox.json(f.match()));
                insert.setString(10, outbox.json(f.trigger()));
                insert.setString(11, f.watchlistVersion());
                insert.setString(12, f.algorithm());
                insert.setDouble(13, f.threshold());
                insert.setTimestamp(14, Timestamp.from(f.foundAt()));
                insert.setTimestamp(15, Timestamp.from(now));
                insert.setString(16, f.subjectId());
                insert.addBatch();
            }
            insert.executeBatch();
            // rewritten batches do not report rows one by one: an alert is new if its id was stored (on a conflict
            // the alert already existed, with its event)
            java.util.Set<UUID> stored = new java.util.HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT alert_id FROM alert WHERE alert_id = ANY(?)")) {
                q.setArray(1, c.createArrayOf("uuid", found.stream().map(MatchFound::alertId).toArray()));
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            List<AlertOutbox.Event> events = new ArrayList<>();
            List<MatchFound> raised = new ArrayList<>();
            for (MatchFound f : found) {
                if (stored.contains(f.alertId())) {
                    events.add(new AlertOutbox.Event(AlertEvents.FOUND, f.portfolio(), f.party().partyId(), f.alertId(), f, f.foundAt()));
                    raised.add(f);
                }
            }
            outbox.write(c, events);
            metrics.raised(raised);
            return events.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store alerts", e);
        }
    }

    /** Marks live alerts superseded by an alert on a newer version of their entry (no event: the new alert is one). */
    public void supersede(Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE alert SET status = 'SUPERSEDED', updated_at = ? "
                     + "WHERE alert_id = ANY(?) AND " + IS_LIVE)) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setArray(2, c.createArrayOf("uuid", alertIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update alerts", e);
        }
    }

    /** Clears live alerts whose hit went away, each with a {@code screening.match.cleared} event. */
    public void clear(List<MatchCleared> cleared) {
        if (cleared.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE alert SET status = 'CLEARED', cleared_at = ?, "
                     + "cleared_reason = ?, updated_at = ? WHERE alert_id = ? AND " + IS_LIVE)) {
            for (MatchCleared m : cleared) {
                update.setTimestamp(1, Timestamp.from(m.clearedAt()));
                update.setString(2, m.reason().name());
                update.setTimestamp(3, Timestamp.from(m.clearedAt()));
                update.setObject(4, m.alertId());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<AlertOutbox.Event> events = new ArrayList<>();
            List<MatchCleared> done = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    MatchCleared m = cleared.get(i);
                    events.add(new AlertOutbox.Event(AlertEvents.CLEARED, m.portfolio(), m.partyId(), m.alertId(), m, m.clearedAt()));
                    done.add(m);
                }
            }
            outbox.write(c, events);
            metrics.cleared(done);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear alerts", e);
        }
    }

    public record Page(List<Alert> items, int offset, int size, long total) {
    }

    /** Which alerts a listing reads, and in which order; a null filter was not asked for. */
    public record Query(PortfolioScope portfolios, String status, String partyId, String authority, String sourceList,
                        Double minScore, Order order) {
    }

    public enum Order {
        /** Newest raised first. */
        NEWEST("found_at DESC, alert_id"),
        /** Highest score first, then newest. */
        SCORE("score DESC, found_at DESC, alert_id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** The query's alerts; its authority and source list are those of the listing that raised the alert. */
    public Page list(Query query, int offset, int size) {
        Conditions where = new Conditions().portfolios("portfolio", query.portfolios())
                .when(query.status(), "status = ?")
                .when(query.partyId(), "party_id = ?")
                .when(query.authority(), "match->>'authority' = ?")
                .when(query.sourceList(), "match->>'source' = ?")
                .when(query.minScore(), "score >= ?");
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM alert" + where.where()
                     + " ORDER BY " + query.order().sql + " OFFSET ? LIMIT ?");
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM alert" + where.where())) {
            int i = where.bind(c, q, 1);
            q.setInt(i++, offset);
            q.setInt(i, size);
            List<Alert> items = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    items.add(alert(rows));
                }
            }
            where.bind(c, count, 1);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new Page(evidence.attach(items), offset, size, rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list alerts", e);
        }
    }

    public Optional<Alert> find(UUID alertId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT * FROM alert WHERE alert_id = ?")) {
            q.setObject(1, alertId);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(evidence.attach(List.of(alert(rows))).get(0)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert " + alertId, e);
        }
    }

    /** Records an analyst's decision on an alert that still stands; empty if there is no such live alert. */
    public Optional<Alert> decide(UUID alertId, String decision, String comment, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE alert SET status = ?, disposition = ?, disposition_comment = ?, decided_at = ?, updated_at = ?
                     WHERE alert_id = ? AND status IN ('OPEN', 'TRUE_MATCH', 'FALSE_POSITIVE') RETURNING *""")) {
            update.setString(1, decision);
            update.setString(2, decision);
            update.setString(3, comment);
            update.setTimestamp(4, Timestamp.from(at));
            update.setTimestamp(5, Timestamp.from(at));
            update.setObject(6, alertId);
            try (ResultSet rows = update.executeQuery()) {
                return rows.next() ? Optional.of(evidence.attach(List.of(alert(rows))).get(0)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot decide alert " + alertId, e);
        }
    }

    private static final String STATE_COLUMNS = "a.alert_id, a.portfolio, a.party_id, a.entry_id, a.party_version, "
            + "a.entry_version, a.status, a.found_at, a.subject_id";

    private static List<State> states(PreparedStatement q) throws SQLException {
        List<State> out = new ArrayList<>();
        try (ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                out.add(new State(rows.getObject("alert_id", UUID.class), new Pair(rows.getString("portfolio"),
                        rows.getString("party_id"), rows.getString("entry_id")), rows.getInt("party_version"),
                        rows.getInt("entry_version"), rows.getString("status"), rows.getTimestamp("found_at").toInstant(),
                        rows.getString("subject_id")));
            }
        }
        return out;
    }

    private Alert alert(ResultSet rows) throws SQLException {
        String decision = rows.getString("disposition");
        Timestamp decided = rows.getTimestamp("decided_at");
        Timestamp cleared = rows.getTimestamp("cleared_at");
        return new Alert(rows.getObject("alert_id", UUID.class), rows.getString("portfolio"),
                rows.getString("party_id"), rows.getInt("party_version"), rows.getString("entry_id"),
                rows.getInt("entry_version"), rows.getDouble("score"), rows.getString("status"),
                outbox.tree(rows.getString("party")), outbox.tree(rows.getString("match")), outbox.tree(rows.getString("trigger")),
                rows.getString("watchlist_version"), rows.getString("algorithm"), rows.getDouble("threshold"),
                rows.getTimestamp("found_at").toInstant(),
                decision == null ? null : new Alert.Disposition(decision, rows.getString("disposition_comment"),
                        decided.toInstant()),
                cleared == null ? null : cleared.toInstant(), rows.getString("cleared_reason"),
                rows.getTimestamp("updated_at").toInstant(), rows.getString("subject_id"), List.of());
    }

}
