package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.screening.messaging.AlertRelay;
import io.sanctionsradar.support.messaging.AfterCommit;
import io.sanctionsradar.support.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code screening.alerts} events into the alert outbox on the caller's connection, in the transaction that
 * changed the alert; {@link AlertRelay} publishes them once it commits. Also the stores' JSON codec.
 */
@ApplicationScoped
class AlertOutbox {

    @Inject
    ObjectMapper json;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertRelay relay;

    @Inject
    Traces traces;

    /** One event: its type, the party it is keyed by (one party's events stay in order) and the alert it is about. */
    record Event(String type, String portfolio, String partyId, UUID alertId, Object payload, Instant at) {
    }

    void write(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String traceparent = traces.currentTraceparent(); // the designation batch's or the request's trace
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_outbox (event_id, event_type, event_key, "
                + "subject, payload, occurred_at, traceparent) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            for (Event e : events) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, e.type());
                insert.setString(3, PartyMatcher.key(e.portfolio(), e.partyId()));
                insert.setString(4, e.alertId().toString());
                insert.setString(5, json(e.payload()));
                insert.setTimestamp(6, Timestamp.from(e.at()));
                insert.setString(7, traceparent);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        afterCommit.wake(relay, relay::wake); // published right after the commit, not at the next poll
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    <T> T typed(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
