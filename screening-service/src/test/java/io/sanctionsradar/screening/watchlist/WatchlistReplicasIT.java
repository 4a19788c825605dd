package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsradar.infra.DevTokens;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.screening.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final List<Instance> instances = new ArrayList<>();
    private final Random random = new Random(20211222);
    private final List<ObjectNode> current = new ArrayList<>();
    // a topic per test: both run on one broker, and each counts the entries it published
    private final String topic = TestEvents.TOPIC + ".replicas-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::kill);
    }

    @Test
    void instances_converge_survive_a_kill_and_rebuild_the_same_watchlist_from_nothing() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(topic, 3);
            Instance a = start("a", infra.createFreshDatabase("screening_a"), null);
            Instance b = start("b", infra.createFreshDatabase("screening_b"), null);
            publishChanges(kafka, 300);
            String version = converged(List.of(a, b));

            killWhilePublishing(a, kafka, 500);
            Instance restarted = start("a-restarted", a.jdbcUrl, null);
            String afterKill = converged(List.of(restarted, b));
            assertNotEquals(version, afterKill, "the second round of changes moved the watchlist on");

            Instance rebuilt = start("c-empty", infra.createFreshDatabase("screening_c"), null);
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
            Instance a = start("shared-a", database, "screening-a"); // both migrate the empty database at once
            Instance b = start("shared-b", database, "screening-b");
            publishChanges(kafka, 300);
            String version = converged(List.of(a, b));
            Instance refused = start("shared-bad-id", database, "screening 0");
            assertTrue(refused.process.waitFor(60, TimeUnit.SECONDS), "an instance with a bad id does not start");
            assertTrue(Files.readString(refused.log).contains("screening.instance-id"), "the log names the setting");

            killWhilePublishing(a, kafka, 500);
            Map<Integer, Long> stoppedAt = positions(database, "screening-a");
            Instance restarted = start("shared-a-restarted", database, "screening-a");
            String afterKill = converged(List.of(restarted, b));
            assertNotEquals(version, afterKill, "the second round of changes moved the watchlist on");
            for (Map.Entry<Integer, Long> position : stoppedAt.entrySet()) {
                assertTrue(Files.readString(restarted.log).contains("consuming " + topic + "-" + position.getKey()
                        + " from offset " + position.getValue()), "resumed partition " + position.getKey()
                        + " from its own position " + position.getValue() + "; see " + restarted.log);
            }
            assertFalse(Files.readString(restarted.log).contains("from the beginning"), "no partition read again");

            Instance rebuilt = start("shared-c", database, "screening-c");
            assertEquals(afterKill, converged(List.of(rebuilt, b)));
            assertTrue(Files.readString(rebuilt.log).contains("consuming " + topic + "-0 from the beginning"),
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
    private void killWhilePublishing(Instance instance, KafkaTestClient kafka, int changes) throws Exception {
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
    private String converged(List<Instance> replicas) throws Exception {
        Instant deadline = Instant.now().plus(CONVERGE);
        List<String> versions = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> statuses = new ArrayList<>();
            for (Instance replica : replicas) {
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

    private static int entries(Instance instance) throws Exception {
        return status(instance).get("entries").asInt();
    }

    private static JsonNode status(Instance instance) throws InterruptedException {
        try {
            HttpResponse<String> response = get(instance, "/api/v1/watchlist/status");
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null; // still starting
        }
    }

    private static HttpResponse<String> get(Instance instance, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port + path))
                .header("Authorization", TestTokens.bearer("replicas-it", List.of("auditor"), List.of()))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Screens a name on this instance; answers the id of its receipt. */
    private static String screenOn(Instance instance, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.port + "/api/v1/screenings"))
                .header("Authorization", TestTokens.bearer("replicas-it", List.of("screener"), List.of()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name))))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
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
    private Instance start(String name, String jdbcUrl, String instanceId) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "replicas", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dmp.messaging.incoming.designations.topic=" + topic,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + infra.postgresUser(),
                "-Dquarkus.datasource.password=" + infra.postgresPassword(),
                "-Dmp.jwt.verify.publickey.location=" + TestTokens.keys().publicKeyFile(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-jar", new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (instanceId != null) {
            builder.environment().put("SCREENING_INSTANCE_ID", instanceId); // as the Helm chart sets it
        }
        Instance instance = new Instance(builder.start(), port, jdbcUrl, log);
        instances.add(instance);
        return instance;
    }

    private record Instance(Process process, int port, String jdbcUrl, Path log) {
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
