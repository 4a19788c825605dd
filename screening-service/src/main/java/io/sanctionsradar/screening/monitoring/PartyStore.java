package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.ScreeningIdentifier;
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

/** The monitored parties of every portfolio (plain JDBC; an upsert is one statement that says what it did). */
@ApplicationScoped
public class PartyStore {

    @Inject
    DataSource dataSource;

    @Inject
    PartyOutbox outbox;

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Upserted(MonitoredParty party, Outcome outcome) {
    }

    private static final String COLUMNS = "portfolio, party_id, name, subject_type, birth_date, country, version, "
            + "created_at, updated_at, identifiers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ScreeningIdentifier>> IDENTIFIERS = new TypeReference<>() {
    };

    /**
     * Creates each party, or updates it (next version) if its details differ, one statement per thousand, in the
     * caller's transaction, with a {@code screening.party.saved} event for each created or updated party; answers
     * each party's outcome, in the order given. Party ids must be distinct.
     */
    public List<Upserted> upsertAll(String portfolio, List<PartyDetails> book) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Upserted> out = new ArrayList<>(book.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO monitored_party (%s)
                     SELECT ?, u.party_id, u.name, u.subject_type, u.birth_date, u.country, 1, ?, ?,
                            u.identifiers::jsonb
                     FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                          AS u(party_id, name, subject_type, birth_date, country, identifiers)
                     ON CONFLICT (portfolio, party_id) DO UPDATE SET name = excluded.name,
                         subject_type = excluded.subject_type, birth_date = excluded.birth_date,
                         country = excluded.country, identifiers = excluded.identifiers,
                         version = monitored_party.version + 1, updated_at = excluded.updated_at
                     WHERE (monitored_party.name, monitored_party.subject_type, monitored_party.birth_date,
                            monitored_party.country, monitored_party.identifiers)
                           IS DISTINCT FROM (excluded.name, excluded.subject_type, excluded.birth_date, excluded.country,
                                             excluded.identifiers)
                     RETURNING %s, (xmax = 0) AS inserted""".formatted(COLUMNS, COLUMNS));
             PreparedStatement unchanged = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM monitored_party WHERE portfolio = ? AND party_id = ANY(?)")) {
            for (int from = 0; from < book.size(); from += 1000) {
                List<PartyDetails> chunk = book.subList(from, Math.min(from + 1000, book.size()));
                upsert.setString(1, portfolio);
                upsert.setTimestamp(2, now);
                upsert.setTimestamp(3, now);
                upsert.setArray(4, connection.createArrayOf("text", chunk.stream().map(PartyDetails::partyId).toArray()));
                upsert.setArray(5, connection.createArrayOf("text", chunk.stream().map(PartyDetails::name).toArray()));
                upsert.setArray(6, connection.createArrayOf("text", chunk.stream()
                        .map(d -> d.type() == null ? null : d.type().name()).toArray()));
                upsert.setArray(7, connection.createArrayOf("text", chunk.stream().map(PartyDetails::birthDate).toArray()));
                upsert.setArray(8, connection.createArrayOf("text", chunk.stream().map(PartyDetails::country).toArray()));
                upsert.setArray(9, connection.createArrayOf("text", chunk.stream().map(PartyStore::identifiers).toArray()));
                java.util.Map<String, Upserted> done = new java.util.HashMap<>();
                List<MonitoredParty> changed = new ArrayList<>();
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        MonitoredParty party = party(rows);
                        changed.add(party);
                        done.put(party.partyId(), new Upserted(party, rows.getBoolean("inserted") ? Outcome.CREATED : Outcome.UPDATED));
                    }
                }
                outbox.saved(connection, changed);
                List<String> same = chunk.stream().map(PartyDetails::partyId).filter(id -> !done.containsKey(id)).toList();
                if (!same.isEmpty()) { // the details were the stored ones: nothing was written
                    unchanged.setString(1, portfolio);
                    unchanged.setArray(2, connection.createArrayOf("text", same.toArray()));
                    try (ResultSet rows = unchanged.executeQuery()) {
                        while (rows.next()) {
                            MonitoredParty party = party(rows);
                            done.put(party.partyId(), new Upserted(party, Outcome.UNCHANGED));
                        }
                    }
                }
                chunk.forEach(d -> out.add(done.get(d.partyId())));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store monitored parties", e);
        }
    }

    /** Every party of every portfolio, for the monitoring index at startup. */
    public List<MonitoredParty> loadAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM monitored_party")) {
            query.setFetchSize(10_000);
            List<MonitoredParty> all = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(party(rows));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read monitored parties", e);
        }
    }

    public Optional<MonitoredParty> find(String portfolio, String partyId) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, portfolio, partyId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read monitored party " + partyId, e);
        }
    }

    private static Optional<MonitoredParty> find(Connection connection, String portfolio, String partyId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM monitored_party WHERE portfolio = ? AND party_id = ?")) {
            query.setString(1, portfolio);
            query.setString(2, partyId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(party(rows)) : Optional.empty();
            }
        }
    }

    public record Page(List<MonitoredParty> items, int offset, int size, long total) {
    }

    /** The scope's parties by id, narrowed to those whose name or id contains {@code q} (any case) if given. */
    public Page list(PortfolioScope scope, String q, int offset, int size) {
        Conditions where = new Conditions().portfolios("portfolio", scope)
                .when(q, "(strpos(lower(name), lower(?)) > 0 OR strpos(lower(party_id), lower(?)) > 0)", 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM monitored_party"
                     + where.where() + " ORDER BY party_id, portfolio OFFSET ? LIMIT ?");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM monitored_party" + where.where())) {
            int i = where.bind(connection, query, 1);
            query.setInt(i++, offset);
            query.setInt(i, size);
            List<MonitoredParty> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(party(rows));
                }
            }
            where.bind(connection, count, 1);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new Page(items, offset, size, rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list monitored parties", e);
        }
    }

    /** Deletes the party in the caller's transaction, with a {@code screening.party.deleted} event if it existed. */
    public boolean delete(String portfolio, String partyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM monitored_party WHERE portfolio = ? AND party_id = ? RETURNING created_at")) {
            delete.setString(1, portfolio);
            delete.setString(2, partyId);
            try (ResultSet deleted = delete.executeQuery()) {
                if (!deleted.next()) {
                    return false;
                }
                outbox.deleted(connection, portfolio, partyId, deleted.getTimestamp(1).toInstant(), Instant.now());
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete monitored party " + partyId, e);
        }
    }

    private static MonitoredParty party(ResultSet rows) throws SQLException {
        String type = rows.getString("subject_type");
        return new MonitoredParty(rows.getString("portfolio"), rows.getString("party_id"), rows.getString("name"),
                type == null ? null : SubjectType.valueOf(type), rows.getString("birth_date"),
                rows.getString("country"), rows.getInt("version"), rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("updated_at").toInstant(), identifiers(rows.getString("identifiers")));
    }

    /** The party's identifiers as JSON, null for none (as parties stored before identifiers existed). */
    private static String identifiers(PartyDetails details) {
        try {
            return details.identifiers().isEmpty() ? null : JSON.writeValueAsString(details.identifiers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write identifiers", e);
        }
    }

    private static List<ScreeningIdentifier> identifiers(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, IDENTIFIERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored identifiers", e);
        }
    }
}
