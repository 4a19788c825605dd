package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.screening.PackagedInstance;
import io.sanctionsradar.screening.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.next;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packaged instances of screening-service against one topic: every instance reads the whole topic and reaches the
 * same watchlist version; one killed mid-stream resumes from its own positions and still agrees; a new instance
 * rebuilds the same watchlist from the topic alone. Both with a database per instance and with one database that
 * all instances share, each keeping its watchlist under its instance id.
 */
class WatchlistReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final List<PackagedInstance> instances = new ArrayList<>();
    private final Random random = new Random(20211222);
    private final List<ObjectNode> current = new ArrayList<>();
    // a topic per test: both run on one broker, and each counts the entries it published
    private final String topic = TestEvents.TOPIC + ".replicas-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopInstances() {
        instances.forEach(PackagedInstance::kill);
    }

    @Test
    void instances_converge_survive_a_kill_and_rebuild_the_same_watchlist_from_nothing() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(topic, 3);
            PackagedInstance a = start("a", infra.createFreshDatabase("screening_a"), null);
            PackagedInstance b = start("b", infra.createFreshDatabase("screening_b"), null);
            publishChanges(kafka, 300);
            String version = converged(List.of(a, b));

            killWhilePublishing(a, kafka, 500);
            PackagedInstance restarted = start("a-restarted", a.jdbcUrl(), null);
            String afterKill = converged(List.of(restarted, b));
            assertNotEquals(version, afterKill, "the second round of changes moved the watchlist on");

            PackagedInstance rebuilt = start("c-empty", infra.createFreshDatabase("screening_c"), null);
            assertEquals(afterKill, converged(List.of(rebuilt, b)));
            assertEquals(entries(b), entries(rebuilt));
            assertEquals(entries(b), entries(restarted));
        }
    }

    @Test
    void instances_sharing_one_database_each_keep_their_own_watchlist_and_share_everything_else() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(topic, 3);
            String database = infra.createFreshDatabase("screening_shared");
            PackagedInstance a = start("shared-a", database, "screening-a"); // both migrate the empty database at once
            PackagedInstance b = start("shared-b", database, "screening-b");
            publishChanges(kafka, 300);
            String version = converged(List.of(a, b));
            PackagedInstance refused = start("shared-bad-id", database, "screening 0");
            assertTrue(refused.process().waitFor(60, TimeUnit.SECONDS), "an instance with a bad id does not start");
            assertTrue(Files.readString(refused.log()).contains("screening.instance-id"), "the log names the setting");

            killWhilePublishing(a, kafka, 500);
            Map<Integer, Long> stoppedAt = positions(database, "screening-a");
            PackagedInstance restarted = start("shared-a-restarted", database, "screening-a");
            String afterKill = converged(List.of(restarted, b));
            assertNotEquals(version, afterKill, "the second round of changes moved the watchlist on");
            for (Map.Entry<Integer, Long> position : stoppedAt.entrySet()) {
                assertTrue(Files.readString(restarted.log()).contains("consuming " + topic + "-" + position.getKey()
                        + " from offset " + position.getValue()), "resumed partition " + position.getKey()
                        + " from its own position " + position.getValue() + "; see " + restarted.log());
            }
            assertFalse(Files.readString(restarted.log()).contains("from the beginning"), "no partition read again");

            PackagedInstance rebuilt = start("shared-c", database, "screening-c");
            assertEquals(afterKill, converged(List.of(rebuilt, b)));
            assertTrue(Files.readString(rebuilt.log()).contains("consuming " + topic + "-0 from the beginning"),
                    "a new id starts from the topic, not from another instance's rows");
            assertEquals(entries(b), entries(rebuilt));
            assertEquals(entries(b), entries(restarted));

            int size = current.size();
            assertEquals(Map.of("screening-a", (long) size, "screening-b", (long) size, "screening-c", (long) size),
                    countsByInstance(database, "watchlist_entry"), "one copy of the watchlist per instance id");
            assertEquals(Map.of("screening-a", 3L, "screening-b", 3L, "screening-c", 3L),
                    countsByInstance(database, "consumer_position"));
            assertEquals(1L, count(database, "SELECT count(*) FROM flyway_schema_history WHERE version = '11'"),
                    "one schema, migrated once");
            String screeningId = screenOn(b, "Shared Receipt Probe");
            assertEquals(200, get(rebuilt, "/api/v1/screenings/" + screeningId).statusCode(),
                    "a receipt written by one instance is read by another: one shared store");
        }
    }

    /** Kills the instance while these changes are published: it stops somewhere in the middle of them. */
    private void killWhilePublishing(PackagedInstance instance, KafkaTestClient kafka, int changes) throws Exception {
        Thread killer = new Thread(() -> {
            sleep(300);
            instance.kill();
        });
        killer.start();
        publishChanges(kafka, changes);
        killer.join();
    }

    /** Lists new designations and amends or delists earlier ones, in a random but reproducible mix. */
    private void publishChanges(KafkaTestClient kafka, int count) {
        for (int i = 0; i < count; i++) {
            int choice = random.nextInt(10);
            if (current.isEmpty() || choice < 6) {
                ObjectNode listed = designation("Replica Entity " + current.size() + " " + random.nextInt(1_000_000));
                current.add(listed);
                publish(kafka, topic, listed);
            } else {
                int at = random.nextInt(current.size());
                ObjectNode before = current.get(at);
                if (!"ACTIVE".equals(before.get("status").asText())) {
                    continue;
                }
                ObjectNode after = next(before, choice < 9 ? "ACTIVE" : "DELISTED");
                ((ObjectNode) after.get("subject")).put("remarks", "amended " + i);
                current.set(at, after);
                publish(kafka, topic, after);
            }
        }
    }

    /** Waits until every instance has caught up and they agree; answers their watchlist version. */
    private String converged(List<PackagedInstance> replicas) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        List<String> versions = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> statuses = new ArrayList<>();
            for (PackagedInstance replica : replicas) {
                statuses.add(status(replica));
            }
            versions = statuses.stream().map(s -> s == null ? "unreachable" : s.path("watchlistVersion").asText()
                    + "/lag=" + s.path("consumerLag").asText()).toList();
            boolean caughtUp = statuses.stream().allMatch(s -> s != null && s.path("consumerLag").asLong(-1) == 0
                    && s.path("entries").asInt() == current.size());
            if (caughtUp && versions.stream().distinct().count() == 1) {
                return statuses.get(0).get("watchlistVersion").asText();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instances did not converge within " + CONVERGE + ": " + versions);
    }

    private static int entries(PackagedInstance instance) throws Exception {
        return status(instance).get("entries").asInt();
    }

    private static JsonNode status(PackagedInstance instance) throws InterruptedException {
        try {
            HttpResponse<String> response = get(instance, "/api/v1/watchlist/status");
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null; // still starting
        }
    }

    private static HttpResponse<String> get(PackagedInstance instance, String path) throws IOException, InterruptedException {
        return instance.get(path, TestTokens.bearer("replicas-it", List.of("auditor"), List.of()));
    }

    /** Screens a name on this instance; answers the id of its receipt. */
    private static String screenOn(PackagedInstance instance, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = instance.send("POST", "/api/v1/screenings",
                TestTokens.bearer("replicas-it", List.of("screener"), List.of()), JSON.writeValueAsString(Map.of("name", name)));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("screeningId").asText();
    }

    /** Where this instance's rows say it stopped, by partition. */
    private Map<Integer, Long> positions(String jdbcUrl, String instanceId) throws SQLException {
        Map<Integer, Long> positions = new TreeMap<>();
        try (Connection c = connect(jdbcUrl); PreparedStatement query = c.prepareStatement(
                "SELECT kafka_partition, next_offset FROM consumer_position WHERE instance_id = ? AND topic = ?")) {
            query.setString(1, instanceId);
            query.setString(2, topic);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        assertEquals(3, positions.size(), "a position in every partition before the kill: " + positions);
        return positions;
    }

    private Map<String, Long> countsByInstance(String jdbcUrl, String table) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(jdbcUrl); PreparedStatement query = c.prepareStatement(
                "SELECT instance_id, count(*) FROM " + table + " GROUP BY instance_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = connect(jdbcUrl); PreparedStatement query = c.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infra.postgresUser(), infra.postgresPassword());
    }

    /** Starts the packaged service on this database; {@code instanceId} null: the default one. */
    private PackagedInstance start(String name, String jdbcUrl, String instanceId) throws IOException {
        PackagedInstance instance = PackagedInstance.start("replicas-" + name, jdbcUrl, instanceId, "256m",
                Map.of("mp.messaging.incoming.designations.topic", topic));
        instances.add(instance);
        return instance;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
