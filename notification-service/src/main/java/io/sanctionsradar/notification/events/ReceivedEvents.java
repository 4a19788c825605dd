package io.sanctionsradar.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The inbox of received events, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReceivedEvents {

    @Inject
    DataSource dataSource;

    /** Stores the event; false if it was received before (a redelivery or a republished event). */
    public boolean firstTime(ReceivedEvent event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO received_event (event_id, event_type, subject, topic, kafka_partition, kafka_offset, body,
                    received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (event_id) DO NOTHING""")) {
            st.setString(1, event.id());
            st.setString(2, event.type());
            st.setString(3, event.subject());
            st.setString(4, event.topic());
            st.setObject(5, event.partition());
            st.setObject(6, event.offset());
            st.setString(7, event.body());
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store event " + event.id(), e);
        }
    }

    /** The data of the latest event of this type about this subject, e.g. the match.found an alert began with. */
    public Optional<String> latestData(String subject, String type) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT body::jsonb -> 'data' FROM received_event WHERE subject = ? AND event_type = ?
                ORDER BY received_at DESC LIMIT 1""")) {
            st.setString(1, subject);
            st.setString(2, type);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read events about " + subject, e);
        }
    }
}
