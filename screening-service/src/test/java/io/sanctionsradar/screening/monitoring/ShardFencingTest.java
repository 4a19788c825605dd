package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.TestEvents;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.designation;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An instance that lost a shard without hearing of it yet (another claimed it: a long pause, a slow rebalance)
 * writes nothing more for it: its next transaction finds the epoch changed, drops the shard and leaves its row alone.
 * In an application of its own, which keeps the shard dropped.
 */
@QuarkusTest
@TestProfile(ShardFencingTest.OwnApplication.class)
class ShardFencingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PORTFOLIO = "fencing";

    /** A profile of its own: the application starts afresh for this class and for it alone. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    LiveBook book;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void a_shard_claimed_by_another_instance_gets_no_more_alerts_or_positions_from_this_one() throws Exception {
        String lostParty = partyIn(0);
        String keptParty = partyIn(1);
        put(lostParty, "Evangelina Throckmorton");
        put(keptParty, "Radoslav Wintergreen");
        String positionsBefore = positions(0);
        claimElsewhere(0);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic(TestEvents.TOPIC, 3);
            ObjectNode lostListing = designation("Evangelina Throckmorton");
            ObjectNode keptListing = designation("Radoslav Wintergreen");
            TestEvents.publish(kafka, lostListing);
            TestEvents.publish(kafka, keptListing);
        }
        await().atMost(WAIT).until(() -> alerts(keptParty) == 1);
        assertEquals(0, alerts(lostParty), "the shard's new owner alerts, not this instance");
        assertFalse(book.liveShards().contains(0), "the lost shard was dropped");
        assertEquals(positionsBefore, positions(0), "its positions are the new owner's to advance");
    }

    private String partyIn(int shard) {
        for (int i = 0; ; i++) {
            if (book.shardOf(PORTFOLIO, "f-" + i) == shard) {
                return "f-" + i;
            }
        }
    }

    private void claimElsewhere(int shard) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(
                "UPDATE monitoring_shard SET owner = 'another-instance', epoch = epoch + 1 WHERE shard = ?")) {
            claim.setInt(1, shard);
            assertEquals(1, claim.executeUpdate());
        }
    }

    private String positions(int shard) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT designation_positions::text FROM monitoring_shard WHERE shard = ?")) {
            query.setInt(1, shard);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void put(String partyId, String name) {
        given().contentType(ContentType.JSON).queryParam("portfolio", PORTFOLIO)
                .body(Map.of("name", name, "type", "PERSON")).put("/api/v1/monitored-parties/" + partyId)
                .then().statusCode(201);
    }

    private static int alerts(String partyId) {
        List<?> items = given().queryParam("portfolio", PORTFOLIO).queryParam("partyId", partyId).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.size();
    }
}
