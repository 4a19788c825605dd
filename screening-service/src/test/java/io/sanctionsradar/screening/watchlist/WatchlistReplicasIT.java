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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.next;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Packaged instances of screening-service against one topic: every instance reads the whole topic and reaches the
 * same watchlist version; one killed mid-stream resumes from its own database and still agrees; a new instance
 * with an empty database rebuilds the same watchlist from the topic alone.
 */
class WatchlistReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final List<Instance> instances = new ArrayList<>();
    private final Random random = new Random(20211222);
    private final List<ObjectNode> current = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::kill);
    }

    @Test
    void instances_converge_survive_a_kill_and_rebuild_the_same_watchlist_from_nothing() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(TestEvents.TOPIC, 3);
            Instance a = start("a", infra.createFreshDatabase("screening_a"));
            Instance b = start("b", infra.createFreshDatabase("screening_b"));
            publishChanges(kafka, 300);
            String version = converged(List.of(a, b));

            // killed while events keep arriving: it must resume from its own positions, losing and repeating nothing
            Thread killer = new Thread(() -> {
                sleep(300);
                a.kill();
            });
            killer.start();
            publishChanges(kafka, 500);
            killer.join();
            Instance restarted = start("a-restarted", a.jdbcUrl);
            String afterKill = converged(List.of(restarted, b));
            assertNotEquals(version, afterKill, "the second round of changes moved the watchlist on");

            Instance rebuilt = start("c-empty", infra.createFreshDatabase("screening_c"));
            assertEquals(afterKill, converged(List.of(rebuilt, b)));
            assertEquals(entries(b), entries(rebuilt));
            assertEquals(entries(b), entries(restarted));
        }
    }

    /** Lists new designations and amends or delists earlier ones, in a random but reproducible mix. */
    private void publishChanges(KafkaTestClient kafka, int count) {
        for (int i = 0; i < count; i++) {
            int choice = random.nextInt(10);
            if (current.isEmpty() || choice < 6) {
                ObjectNode listed = designation("Replica Entity " + current.size() + " " + random.nextInt(1_000_000));
                current.add(listed);
                publish(kafka, listed);
            } else {
                int at = random.nextInt(current.size());
                ObjectNode before = current.get(at);
                if (!"ACTIVE".equals(before.get("status").asText())) {
                    continue;
                }
                ObjectNode after = next(before, choice < 9 ? "ACTIVE" : "DELISTED");
                ((ObjectNode) after.get("subject")).put("remarks", "amended " + i);
                current.set(at, after);
                publish(kafka, after);
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
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + instance.port + "/api/v1/watchlist/status"))
                    .header("Authorization", TestTokens.bearer("replicas-it", List.of("auditor"), List.of()))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null; // still starting
        }
    }

    private Instance start(String name, String jdbcUrl) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "replicas", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + infra.postgresUser(),
                "-Dquarkus.datasource.password=" + infra.postgresPassword(),
                "-Dmp.jwt.verify.publickey.location=" + TestTokens.keys().publicKeyFile(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-jar", new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(process, port, jdbcUrl);
        instances.add(instance);
        return instance;
    }

    private record Instance(Process process, int port, String jdbcUrl) {
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
