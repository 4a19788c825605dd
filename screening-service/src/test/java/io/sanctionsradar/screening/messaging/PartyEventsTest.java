package io.sanctionsradar.screening.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes of monitored parties reach screening.parties through the party outbox, and only real changes do. */
@QuarkusTest
class PartyEventsTest {

    private static final String SAVED = "screening.party.saved";
    private static final String DELETED = "screening.party.deleted";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "parties.topic")
    String topic;

    @Test
    void a_stored_party_is_published_keyed_by_portfolio_and_party_and_an_unchanged_one_is_not() throws Exception {
        String run = suffix();
        String first = "Ilse Vandermolen " + run;
        String second = "Ilse Vandermolen-Brandt " + run;
        given().queryParam("portfolio", "emea").delete("/api/v1/monitored-parties/cust-1"); // left by an earlier run
        Map<String, Object> details = Map.of("name", first, "type", "PERSON", "birthDate", "1971-04-02",
                "country", "NL",
                "identifiers", List.of(Map.of("type", "PASSPORT", "value", "NX" + run, "country", "NL")));
        put("emea", "cust-1", details).statusCode(201).body("outcome", equalTo("CREATED"));
        put("emea", "cust-1", details).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        put("emea", "cust-1", Map.of("name", second)).statusCode(200).body("outcome", equalTo("UPDATED"));

        List<ConsumerRecord<String, String>> records = read("emea/cust-1", r -> second.equals(name(r)));
        // one key, one partition, in order: the unchanged PUT would sit between the two
        List<ConsumerRecord<String, String>> ours = records.subList(indexOf(records, first), records.size());
        assertEquals(List.of(first, second), ours.stream().map(PartyEventsTest::name).toList(),
                "the created and the updated party, nothing for the unchanged PUT");

        ConsumerRecord<String, String> created = ours.get(0);
        assertEquals(SAVED, header(created, "ce_type"));
        assertEquals("emea/cust-1", header(created, "ce_subject"));
        assertEquals("urn:sanctions-radar:screening-service", header(created, "ce_source"));
        assertEquals("application/json", header(created, "content-type"));
        assertEquals(List.of(), EventSchemas.violations(SAVED, created.value()), "screening.party.saved schema");
        JsonNode party = JSON.readTree(created.value());
        assertEquals("emea", party.path("portfolio").asText());
        assertEquals("cust-1", party.path("partyId").asText());
        assertEquals(1, party.path("version").asInt());
        assertEquals("PERSON", party.path("type").asText());
        assertEquals("1971-04-02", party.path("birthDate").asText());
        assertEquals("NL", party.path("country").asText());
        assertEquals("NX" + run, party.path("identifiers").path(0).path("value").asText());

        JsonNode updated = JSON.readTree(ours.get(1).value());
        assertEquals(List.of(), EventSchemas.violations(SAVED, ours.get(1).value()), "screening.party.saved schema");
        assertEquals(2, updated.path("version").asInt());
        assertEquals(0, updated.path("identifiers").size(), "the stored details, not the previous ones");
    }

    @Test
    void a_bulk_upsert_publishes_only_the_parties_it_created_or_changed() throws Exception {
        String portfolio = "book-events-" + suffix();
        bulk(portfolio, List.of(Map.of("partyId", "p-1", "name", "Oskar Lindqvist"),
                Map.of("partyId", "p-2", "name", "Marta Oyelaran"))).statusCode(200).body("created", equalTo(2));

        bulk(portfolio, List.of(Map.of("partyId", "p-1", "name", "Oskar Lindqvist"),
                Map.of("partyId", "p-2", "name", "Marta Oyelaran-Holm"),
                Map.of("partyId", "p-3", "name", "Dario Castellanos"))).statusCode(200)
                .body("unchanged", equalTo(1)).body("updated", equalTo(1)).body("created", equalTo(1));

        assertEquals(List.of(portfolio + "/p-1", portfolio + "/p-2", portfolio + "/p-2", portfolio + "/p-3"),
                outboxKeys(portfolio), "one row per created or changed party, none for the unchanged one");
        await().atMost(WAIT).until(() -> unpublished(portfolio) == 0);
        Set<String> expected = new HashSet<>(Set.of("p-1/1", "p-2/1", "p-2/2", "p-3/1"));
        List<ConsumerRecord<String, String>> records = read(portfolio, r -> {
            expected.remove(partyVersion(r));
            return expected.isEmpty();
        });
        List<String> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(List.of(), EventSchemas.violations(SAVED, record.value()), "screening.party.saved schema");
            versions.add(partyVersion(record));
        }
        assertEquals(List.of("p-1/1", "p-2/1", "p-2/2", "p-3/1"), versions.stream().sorted().toList());
    }

    @Test
    void a_deleted_party_is_published_as_an_event_then_as_a_tombstone() throws Exception {
        String portfolio = "gone-" + suffix();
        String key = portfolio + "/cust-9";
        put(portfolio, "cust-9", Map.of("name", "Hedda Sorensen")).statusCode(201);
        given().queryParam("portfolio", portfolio).delete("/api/v1/monitored-parties/cust-9").then().statusCode(204);

        List<ConsumerRecord<String, String>> records = read(key, r -> r.value() == null);
        assertEquals(List.of(SAVED, DELETED), records.subList(0, 2).stream().map(r -> header(r, "ce_type")).toList());
        assertEquals(3, records.size(), "the saved and deleted events, then the tombstone");
        ConsumerRecord<String, String> deleted = records.get(1);
        assertEquals(List.of(), EventSchemas.violations(DELETED, deleted.value()), "screening.party.deleted schema");
        JsonNode payload = JSON.readTree(deleted.value());
        assertEquals(portfolio, payload.path("portfolio").asText());
        assertEquals("cust-9", payload.path("partyId").asText());
        assertEquals(key, header(deleted, "ce_subject"));
        ConsumerRecord<String, String> tombstone = records.get(2);
        assertNull(tombstone.value());
        assertNull(header(tombstone, "ce_type"), "a tombstone is no CloudEvent");
    }

    @Test
    void the_party_topic_is_compacted_over_six_partitions() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            await().atMost(WAIT).until(() -> admin.listTopics().names().get().contains(topic));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(6, description.partitions().size());
        }
    }

    /** The records of one key, or of every key starting with {@code portfolio/} for a portfolio, read until one. */
    private List<ConsumerRecord<String, String>> read(String keyOrPortfolio,
                                                      Predicate<ConsumerRecord<String, String>> until) {
        Predicate<ConsumerRecord<String, String>> ours = r -> keyOrPortfolio.equals(r.key())
                || r.key() != null && r.key().startsWith(keyOrPortfolio + "/");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readUntil(topic, ours.and(until), WAIT).stream().filter(ours).toList();
        }
    }

    private static int indexOf(List<ConsumerRecord<String, String>> records, String name) {
        for (int i = 0; i < records.size(); i++) {
            if (name.equals(name(records.get(i)))) {
                return i;
            }
        }
        throw new AssertionError("no event of " + name);
    }

    private static String name(ConsumerRecord<String, String> record) {
        return field(record, "name");
    }

    private static String partyVersion(ConsumerRecord<String, String> record) {
        return field(record, "partyId") + "/" + field(record, "version");
    }

    private static String field(ConsumerRecord<String, String> record, String field) {
        try {
            return record.value() == null ? null : JSON.readTree(record.value()).path(field).asText();
        } catch (Exception e) {
            return null; // another test's hand-written record
        }
    }

    private List<String> outboxKeys(String portfolio) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT event_key FROM party_outbox WHERE event_key LIKE ? ORDER BY event_key, sequence")) {
            query.setString(1, portfolio + "/%");
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
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

    private static ValidatableResponse put(String portfolio, String partyId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(body)
                .put("/api/v1/monitored-parties/" + partyId).then();
    }

    private static ValidatableResponse bulk(String portfolio, List<Map<String, Object>> book) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(book)
                .post("/api/v1/monitored-parties/bulk").then();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
