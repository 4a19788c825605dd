package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.screening.DesignationTopicTest;
import io.sanctionsradar.screening.TestEvents;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.awaitVersion;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.next;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instances share the database but each keeps its own watchlist: rows another instance stored (an entry further on,
 * a link decided later, positions far ahead) are neither read, nor overwritten, nor in the way of this one's.
 */
@QuarkusTest
class InstanceRowsTest extends DesignationTopicTest {

    private static final String OTHER = "screening-other";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FAR_AHEAD = 1_000_000_000L;

    @Inject
    DataSource dataSource;

    @Inject
    InstanceId instance;

    @Inject
    WatchlistStore store;

    @Test
    void another_instances_entries_and_positions_are_neither_read_nor_overwritten() throws Exception {
        ObjectNode listed = designation("Quorvath Ellindore " + suffix());
        ObjectNode theirs = next(next(listed, "ACTIVE"), "DELISTED"); // version 3: the other instance is further on
        ObjectNode onlyTheirs = designation("Ysmerant Dolbrook " + suffix());
        storeEntryOfOther(theirs);
        storeEntryOfOther(onlyTheirs);
        for (int partition = 0; partition < 3; partition++) {
            storePositionOfOther(partition);
        }

        publish(kafka, listed);

        awaitVersion(listed, 1); // the other instance's version 3 did not make this one skip its version 1
        given().get("/api/v1/watchlist/entries/" + id(listed)).then().statusCode(200)
                .body("version", equalTo(1)).body("status", equalTo("ACTIVE"));
        given().get("/api/v1/watchlist/entries/" + id(onlyTheirs)).then().statusCode(404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/watchlist/status").then()
                .statusCode(200)
                .body("instanceId", equalTo(instance.value()))
                .body("consumerLag", equalTo(0))
                .body("partitions.nextOffset", everyItem(lessThan((int) FAR_AHEAD))));
        assertEquals(3, versionOf(OTHER, id(listed)), "the other instance's entry is as it stored it");
        assertEquals(1, versionOf(instance.value(), id(listed)));
        List<Position> positions = QuarkusTransaction.requiringNew().call(() -> store.positions(TestEvents.TOPIC));
        assertTrue(positions.stream().allMatch(p -> p.nextOffset() < FAR_AHEAD), positions.toString());
        assertEquals(List.of(FAR_AHEAD, FAR_AHEAD, FAR_AHEAD), positionsOf(OTHER));
        List<String> loaded = QuarkusTransaction.requiringNew().call(() -> store.loadAll()).stream()
                .map(Listing::designationId).toList();
        assertTrue(loaded.contains(id(listed)) && !loaded.contains(id(onlyTheirs)), "a restart loads its own rows");
    }

    @Test
    void a_link_another_instance_took_further_does_not_hold_back_this_ones() throws Exception {
        ObjectNode first = designation("Harlomere Vistrand " + suffix());
        ObjectNode second = designation("Vistrand Harlomere " + suffix());
        List<String> pair = new ArrayList<>(List.of(id(first), id(second)));
        pair.sort(null);
        storeLinkOfOther(pair, 9);

        String key = pair.get(0) + "+" + pair.get(1);
        publish(kafka, key, link(pair, 1), "sanctions.subject.linked", UUID.randomUUID().toString());
        ObjectNode witness = designation("Witness Entry " + suffix());
        // same key, so same partition: once the witness is applied, the link before it was consumed
        publish(kafka, key, witness.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
        awaitVersion(witness, 1);

        List<SubjectLink> ours = QuarkusTransaction.requiringNew().call(() -> store.loadLinks()).stream()
                .filter(l -> l.pairKey().equals(key)).toList();
        assertEquals(1, ours.size(), "one link of the pair for this instance");
        assertEquals(1, ours.get(0).version());
        assertEquals(9, linkVersionOf(OTHER, pair));
    }

    private void storeEntryOfOther(ObjectNode designation) throws SQLException {
        update("""
                INSERT INTO watchlist_entry (instance_id, entry_id, version, status, state, applied_at)
                VALUES (?, ?::uuid, ?, ?, ?::jsonb, now())""", OTHER, id(designation),
                designation.get("version").asInt(), designation.get("status").asText(), designation.toString());
    }

    private void storePositionOfOther(int partition) throws SQLException {
        update("""
                INSERT INTO consumer_position (instance_id, topic, kafka_partition, next_offset, applied_at)
                VALUES (?, ?, ?, ?, now())
                ON CONFLICT (instance_id, topic, kafka_partition) DO UPDATE SET next_offset = excluded.next_offset""",
                OTHER, TestEvents.TOPIC, partition, FAR_AHEAD);
    }

    private void storeLinkOfOther(List<String> pair, int version) throws SQLException {
        update("""
                INSERT INTO subject_link (instance_id, designation_a, designation_b, relation, version, applied_at)
                VALUES (?, ?::uuid, ?::uuid, 'DIFFERENT_SUBJECTS', ?, now())""", OTHER, pair.get(0), pair.get(1),
                version);
    }

    private int versionOf(String instanceId, String entryId) throws SQLException {
        return (int) single("SELECT version FROM watchlist_entry WHERE instance_id = ? AND entry_id = ?::uuid",
                instanceId, entryId).get(0);
    }

    private int linkVersionOf(String instanceId, List<String> pair) throws SQLException {
        return (int) single("""
                SELECT version FROM subject_link
                WHERE instance_id = ? AND designation_a = ?::uuid AND designation_b = ?::uuid""",
                instanceId, pair.get(0), pair.get(1)).get(0);
    }

    private List<Long> positionsOf(String instanceId) throws SQLException {
        return single("""
                SELECT next_offset FROM consumer_position WHERE instance_id = ? AND topic = ?
                ORDER BY kafka_partition""", instanceId, TestEvents.TOPIC).stream().map(Long.class::cast).toList();
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The first column of every row. */
    private List<Object> single(String sql, Object... parameters) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
        }
        return values;
    }

    /** A link event's data as designation-service writes it. */
    private static String link(List<String> pair, int version) {
        ObjectNode data = JSON.createObjectNode();
        data.putArray("designationIds").add(pair.get(0)).add(pair.get(1));
        data.put("relation", "SAME_SUBJECT");
        data.put("comment", "checked by the test");
        data.put("decidedAt", Instant.now().toString());
        data.put("version", version);
        return data.toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
