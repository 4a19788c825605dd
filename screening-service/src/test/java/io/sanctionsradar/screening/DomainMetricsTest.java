package io.sanctionsradar.screening;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.watchlist.InstanceId;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain figures Prometheus scrapes, read from the registry right after what moves them: screenings by
 * outcome, matches per answer, alerts raised and cleared by portfolio, and the watchlist's lag behind its topic.
 */
@QuarkusTest
class DomainMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    InstanceId instance;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void each_name_screened_is_timed_by_outcome_with_its_matches_counted() {
        String listed = "Ostravel Quillon Holdings " + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.listOrganization(bootstrapServers, listed);
        long matched = durations("match").count();
        long unmatched = durations("no_match").count();
        long rejected = durations("rejected").count();
        DistributionSummary matches = registry.get("screening.matches").summary();
        long answers = matches.count();
        double matchesSeen = matches.totalAmount();

        screen(Map.of("name", listed, "threshold", 1.0)).statusCode(200).body("matches", hasSize(1));
        screen(Map.of("name", "Nobody Anyone Lists Zzyqx")).statusCode(200).body("matches", hasSize(0));
        screen(Map.of("name", "")).statusCode(400);

        assertEquals(matched + 1, durations("match").count());
        assertEquals(unmatched + 1, durations("no_match").count());
        assertEquals(rejected + 1, durations("rejected").count());
        assertEquals(answers + 2, matches.count(), "the rejected name has no answer");
        assertEquals(matchesSeen + 1, matches.totalAmount());
        assertTrue(durations("match").totalTime(TimeUnit.NANOSECONDS) > 0);
        assertTrue(durations("match").takeSnapshot().histogramCounts().length > 0, "histogram buckets are published");
    }

    @Test
    void alerts_raised_and_cleared_are_counted_by_portfolio_and_reason() {
        String listed = "Tarvossin Freight Union " + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.listOrganization(bootstrapServers, listed);
        String portfolio = "metrics-" + UUID.randomUUID().toString().substring(0, 8);

        putParty(portfolio, "m-1", listed);
        assertEquals(1, registry.get("alerts.raised").tag("portfolio", portfolio).counter().count());

        putParty(portfolio, "m-1", "Entirely Unlisted Greengrocer");
        assertEquals(1, registry.get("alerts.cleared").tags("portfolio", portfolio, "reason", "PARTY_CHANGED")
                .counter().count());
        assertEquals(1, registry.get("alerts.raised").tag("portfolio", portfolio).counter().count(),
                "clearing raises nothing");
        assertNull(registry.find("alerts.cleared").tags("portfolio", portfolio, "reason", "DELISTED").counter(),
                "no other reason");
    }

    @Test
    void the_consumer_lag_is_the_events_of_the_topic_not_yet_applied() throws SQLException {
        TestEvents.listOrganization(bootstrapServers, "Lagmoor Shipping " + UUID.randomUUID().toString().substring(0, 6));
        await().atMost(WAIT).until(() -> lag() == 0);

        // a stored position one event behind, as an instance that has not caught up would have
        int partition = behind(1);
        try {
            assertEquals(1, lag());
            given().get("/api/v1/watchlist/status").then().statusCode(200).body("consumerLag", equalTo(1));
        } finally {
            behind(partition, -1);
        }
        assertEquals(0, lag());
    }

    private double lag() {
        return registry.get("consumer.lag").tag("topic", TestEvents.TOPIC).gauge().value();
    }

    /** Moves back the stored position of a partition that is at least {@code events} in; answers which. */
    private int behind(int events) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement first = c.prepareStatement("SELECT kafka_partition FROM consumer_position "
                     + "WHERE instance_id = ? AND topic = ? AND next_offset >= ? ORDER BY kafka_partition LIMIT 1")) {
            first.setString(1, instance.value());
            first.setString(2, TestEvents.TOPIC);
            first.setLong(3, events);
            try (ResultSet rows = first.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no partition has " + events + " events yet");
                }
                int partition = rows.getInt(1);
                behind(partition, events);
                return partition;
            }
        }
    }

    private void behind(int partition, int events) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement move = c.prepareStatement("UPDATE consumer_position SET next_offset = next_offset - ? "
                     + "WHERE instance_id = ? AND topic = ? AND kafka_partition = ?")) {
            move.setInt(1, events);
            move.setString(2, instance.value());
            move.setString(3, TestEvents.TOPIC);
            move.setInt(4, partition);
            assertEquals(1, move.executeUpdate());
        }
    }

    private Timer durations(String outcome) {
        return registry.get("screening.duration").tag("outcome", outcome).timer();
    }

    private static io.restassured.response.ValidatableResponse screen(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings").then();
    }

    private static void putParty(String portfolio, String partyId, String name) {
        given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(Map.of("name", name))
                .put("/api/v1/monitored-parties/" + partyId).then().statusCode(oneOf(200, 201));
    }
}
