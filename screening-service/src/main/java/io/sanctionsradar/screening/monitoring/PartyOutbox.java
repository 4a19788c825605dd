package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.screening.messaging.PartyRelay;
import io.sanctionsradar.screening.monitoring.PartyEvents.PartyDeleted;
import io.sanctionsradar.screening.monitoring.PartyEvents.PartySaved;
import io.sanctionsradar.support.messaging.AfterCommit;
import io.sanctionsradar.support.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code screening.parties} events into the party outbox on the caller's connection, in the transaction that
 * changed the party; {@link PartyRelay} publishes them once it commits.
 */
@ApplicationScoped
class PartyOutbox {

    @Inject
    ObjectMapper json;

    @Inject
    AfterCommit afterCommit;

    @Inject
    PartyRelay relay;

    @Inject
    Traces traces;

    /** One row: an event, or a tombstone (type and payload null) that lets compaction drop the party's key. */
    private record Row(String type, String key, Object payload, Instant at) {
    }

    void saved(Connection c, List<MonitoredParty> parties) throws SQLException {
        write(c, parties.stream()
                .map(p -> new Row(PartyEvents.SAVED, PartyMatcher.key(p.portfolio(), p.partyId()), PartySaved.of(p),
                        p.updatedAt()))
                .toList());
    }

    /** The deleted event for CloudEvents readers, then the tombstone after it on the same key. */
    void deleted(Connection c, String portfolio, String partyId, Instant createdAt, Instant at) throws SQLException {
        String key = PartyMatcher.key(portfolio, partyId);
        write(c, List.of(new Row(PartyEvents.DELETED, key, new PartyDeleted(portfolio, partyId, createdAt, at), at),
                new Row(null, key, null, at)));
    }

    private void write(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String traceparent = traces.currentTraceparent(); // the request's trace
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO party_outbox (event_id, event_type, event_key, "
                + "payload, occurred_at, traceparent) VALUES (?, ?, ?, ?::jsonb, ?, ?)")) {
            for (Row row : rows) {
                insert.setObject(1, row.type() == null ? null : UUID.randomUUID(), Types.OTHER);
                insert.setString(2, row.type());
                insert.setString(3, row.key());
                insert.setString(4, row.payload() == null ? null : json(row.payload()));
                insert.setTimestamp(5, Timestamp.from(row.at()));
                insert.setString(6, traceparent);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        afterCommit.wake(relay, relay::wake); // published right after the commit, not at the next poll
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
