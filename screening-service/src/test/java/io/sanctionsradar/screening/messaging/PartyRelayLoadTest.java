package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bulk upsert of thousands of parties goes out in many full batches over every partition of screening.parties:
 * each batch's transaction commits after the broker acknowledged it, so each event is on the topic once.
 */
@QuarkusTest
class PartyRelayLoadTest {

    private static final int PARTIES = 4_000; // eight full batches of 500
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "parties.topic")
    String topic;

    @Test
    void every_event_of_a_large_bulk_upsert_is_published_exactly_once_and_no_relay_round_fails() throws Exception {
        String portfolio = "relay-load-" + UUID.randomUUID().toString().substring(0, 8);
        double failuresBefore = failures();
        List<Map<String, Object>> book = IntStream.range(0, PARTIES)
                .mapToObj(i -> Map.<String, Object>of("partyId", "p-" + i, "name", "Load Party " + i)).toList();

        given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(book)
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200).body("created", equalTo(PARTIES));

        await().atMost(WAIT).until(() -> unpublished(portfolio) == 0);
        Set<String> stored = eventIds(portfolio);
        Map<String, Long> timesPublished;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            timesPublished = kafka.readAll(topic, WAIT).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(portfolio + "/"))
                    .map(r -> header(r, "ce_id"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
        assertEquals(PARTIES, stored.size(), "one event per party in the outbox");
        assertEquals(stored, timesPublished.keySet(), "every event on the topic, and only those");
        assertEquals(0, timesPublished.values().stream().filter(times -> times > 1).count(),
                "events published more than once");
        assertEquals(failuresBefore, failures(), "relay rounds that failed");
    }

    private double failures() {
        return registry.get("outbox.publish.failures").tag("topic", topic).counter().count();
    }

    private Set<String> eventIds(String portfolio) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT event_id FROM party_outbox WHERE event_key LIKE ?")) {
            query.setString(1, portfolio + "/%");
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private long unpublished(String portfolio) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM party_outbox WHERE event_key LIKE ? AND published_at IS NULL")) {
            query.setString(1, portfolio + "/%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
