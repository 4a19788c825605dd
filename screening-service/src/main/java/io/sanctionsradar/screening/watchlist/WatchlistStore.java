package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
 * The watchlist's durable side: the latest state of every designation, the latest analyst decision on every linked
 * or unlinked pair, and this instance's position in each partition, written in one transaction per consumed batch.
 * Every instance sharing the database keeps its own copy: each statement reads and writes this instance's rows only
 * ({@link InstanceId}). Plain JDBC: a batch is a few set-based statements.
 */
@ApplicationScoped
public class WatchlistStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    InstanceId instance;

    /** A consumed designation event, parsed. */
    public record Change(Listing listing, String stateJson, String eventId, String eventType, Instant eventTime) {
    }

    /** A consumed subject link event, parsed. */
    public record LinkChange(SubjectLink link, String eventId, String eventType, Instant eventTime) {
    }

    /** What a batch stored: the designation changes and the link changes that were newer than the stored ones. */
    public record Applied(List<Change> designations, List<LinkChange> links) {
        public int size() {
            return designations.size() + links.size();
        }
    }

    /** The data of a link event, read tolerantly: properties this service does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkData(List<String> designationIds, String relation, int version) {
    }

    /** Where this instance stands in one partition, and the last event it applied there. */
    public record Position(String topic, int partition, long nextOffset, String lastEventId, String lastEventType,
                           Instant lastEventTime, Instant appliedAt) {
    }

    /**
     * Stores each change that is newer than the stored version of its designation, then each link change newer
     * than the stored version of its pair, and the new positions, in the caller's transaction; answers what was
     * stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied apply(Collection<Change> changes, Collection<LinkChange> links, Collection<Position> positions)
            throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            String id = instance.value();
            List<Change> designations = storeDesignations(connection, id, changes, now);
            List<LinkChange> newerLinks = storeLinks(connection, id, links, now);
            storePositions(connection, id, positions, now);
            return new Applied(designations, newerLinks);
        }
    }

    private static List<Change> storeDesignations(Connection connection, String instanceId, Collection<Change> changes,
                                                  Instant now) throws SQLException {
        List<Change> newer = new ArrayList<>();
        Map<UUID, Integer> stored = storedVersions(connection, instanceId, changes);
        for (Change change : changes) {
            Integer current = stored.get(UUID.fromString(change.listing().designationId()));
            if (current == null || current < change.listing().version()) {
                newer.add(change);
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO watchlist_entry (instance_id, entry_id, version, status, state, event_id, event_time,
                    applied_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (instance_id, entry_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                    state = excluded.state, event_id = excluded.event_id, event_time = excluded.event_time,
                    applied_at = excluded.applied_at
                WHERE watchlist_entry.version < excluded.version""")) {
            for (Change change : newer) {
                upsert.setString(1, instanceId);
                upsert.setObject(2, UUID.fromString(change.listing().designationId()));
                upsert.setInt(3, change.listing().version());
                upsert.setString(4, change.listing().status());
                upsert.setString(5, change.stateJson());
                upsert.setString(6, change.eventId());
                upsert.setTimestamp(7, timestamp(change.eventTime()));
                upsert.setTimestamp(8, Timestamp.from(now));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        return newer;
    }

    private static List<LinkChange> storeLinks(Connection connection, String instanceId, Collection<LinkChange> links,
                                               Instant now) throws SQLException {
        Map<String, Integer> stored = storedLinkVersions(connection, instanceId, links);
        List<LinkChange> newer = links.stream().filter(c -> stored.getOrDefault(c.link().pairKey(), 0) < c.link().version())
                .toList();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO subject_link (instance_id, designation_a, designation_b, relation, version, event_id,
                    event_time, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instance_id, designation_a, designation_b) DO UPDATE SET relation = excluded.relation,
                    version = excluded.version, event_id = excluded.event_id, event_time = excluded.event_time,
                    applied_at = excluded.applied_at
                WHERE subject_link.version < excluded.version""")) {
            for (LinkChange change : newer) {
                upsert.setString(1, instanceId);
                upsert.setObject(2, UUID.fromString(change.link().designationA()));
                upsert.setObject(3, UUID.fromString(change.link().designationB()));
                upsert.setString(4, change.link().relation());
                upsert.setInt(5, change.link().version());
                upsert.setString(6, change.eventId());
                upsert.setTimestamp(7, timestamp(change.eventTime()));
                upsert.setTimestamp(8, Timestamp.from(now));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        return newer;
    }

    private static Map<String, Integer> storedLinkVersions(Connection connection, String instanceId,
                                                           Collection<LinkChange> links) throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        if (links.isEmpty()) {
            return versions;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT designation_a, designation_b, version FROM subject_link
                WHERE instance_id = ?
                  AND (designation_a, designation_b) IN (SELECT * FROM unnest(?::uuid[], ?::uuid[]))""")) {
            query.setString(1, instanceId);
            query.setArray(2, connection.createArrayOf("uuid",
                    links.stream().map(c -> UUID.fromString(c.link().designationA())).toArray(UUID[]::new)));
            query.setArray(3, connection.createArrayOf("uuid",
                    links.stream().map(c -> UUID.fromString(c.link().designationB())).toArray(UUID[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getObject(1, UUID.class) + "+" + rows.getObject(2, UUID.class), rows.getInt(3));
                }
            }
        }
        return versions;
    }

    private static void storePositions(Connection connection, String instanceId, Collection<Position> positions,
                                       Instant now) throws SQLException {
        try (PreparedStatement position = connection.prepareStatement("""
                INSERT INTO consumer_position (instance_id, topic, kafka_partition, next_offset, last_event_id,
                    last_event_type, last_event_time, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instance_id, topic, kafka_partition) DO UPDATE SET next_offset = excluded.next_offset,
                    last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type,
                    last_event_time = excluded.last_event_time, applied_at = excluded.applied_at""")) {
            for (Position p : positions) {
                position.setString(1, instanceId);
                position.setString(2, p.topic());
                position.setInt(3, p.partition());
                position.setLong(4, p.nextOffset());
                position.setString(5, p.lastEventId());
                position.setString(6, p.lastEventType());
                position.setTimestamp(7, timestamp(p.lastEventTime()));
                position.setTimestamp(8, Timestamp.from(now));
                position.addBatch();
            }
            position.executeBatch();
        }
    }

    private static Map<UUID, Integer> storedVersions(Connection connection, String instanceId,
                                                     Collection<Change> changes) throws SQLException {
        Map<UUID, Integer> versions = new HashMap<>();
        if (changes.isEmpty()) {
            return versions;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entry_id, version FROM watchlist_entry WHERE instance_id = ? AND entry_id = ANY (?)")) {
            UUID[] ids = changes.stream().map(c -> UUID.fromString(c.listing().designationId())).toArray(UUID[]::new);
            query.setString(1, instanceId);
            query.setArray(2, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
        }
        return versions;
    }

    /** Every stored listing: what the in-memory watchlist is built from at startup. */
    public List<Listing> loadAll() throws SQLException {
        List<Listing> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state FROM watchlist_entry WHERE instance_id = ?")) {
            query.setString(1, instance.value());
            query.setFetchSize(1000); // streams the rows; the driver honours it inside a transaction
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows.getString(1)));
                }
            }
        }
        return all;
    }

    /** Every stored analyst link and unlink: what the subject grouping takes at startup beside the listings. */
    public List<SubjectLink> loadLinks() throws SQLException {
        List<SubjectLink> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT designation_a, designation_b, relation, version FROM subject_link
                     WHERE instance_id = ?""")) {
            query.setString(1, instance.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(SubjectLink.stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return all;
    }

    /** The stored state of one designation, as its last event carried it. */
    public Optional<String> state(UUID entryId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state FROM watchlist_entry WHERE instance_id = ? AND entry_id = ?")) {
            query.setString(1, instance.value());
            query.setObject(2, entryId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** This instance's positions in the topic's partitions. */
    public List<Position> positions(String topic) throws SQLException {
        List<Position> positions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT topic, kafka_partition, next_offset, last_event_id, last_event_type, last_event_time,
                            applied_at
                     FROM consumer_position WHERE instance_id = ? AND topic = ? ORDER BY kafka_partition""")) {
            query.setString(1, instance.value());
            query.setString(2, topic);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp eventTime = rows.getTimestamp(6);
                    positions.add(new Position(rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), eventTime == null ? null : eventTime.toInstant(),
                            rows.getTimestamp(7).toInstant()));
                }
            }
        }
        return positions;
    }

    public Listing read(String stateJson) {
        try {
            return json.readValue(stateJson, Listing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a designation: " + e.getOriginalMessage(), e);
        }
    }

    /** The data of a link event of this type; IllegalArgumentException when it is not one. */
    public SubjectLink readLink(String eventType, String dataJson) {
        try {
            LinkData data = json.readValue(dataJson, LinkData.class);
            return SubjectLink.of(eventType, data.designationIds(), data.relation(), data.version());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a subject link: " + e.getOriginalMessage(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
