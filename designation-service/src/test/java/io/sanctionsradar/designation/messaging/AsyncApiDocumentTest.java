package io.sanctionsradar.designation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps docs/asyncapi.yaml honest: the topics and event types of the public contract, the JSON Schemas in
 * schemas/events/ and the topic settings the producers provision. Plain JUnit, no Quarkus, no Kafka.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");
    private static final Path SCHEMAS = ROOT.resolve("schemas/events");

    /** The contract's table: every topic and its event types (ce_type). */
    private static final Map<String, Set<String>> CONTRACT = Map.of(
            "sanctions.designations", Set.of("sanctions.entity.listed", "sanctions.entity.amended",
                    "sanctions.entity.delisted", "sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted",
                    "sanctions.subject.linked", "sanctions.subject.unlinked", "sanctions.list.synced",
                    "sanctions.list.sync-failed"),
            "screening.alerts", Set.of("screening.match.found", "screening.match.cleared",
                    "screening.match.amended"),
            "screening.parties", Set.of("screening.party.saved", "screening.party.deleted"));

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        doc = new YAMLMapper().readTree(DOCUMENT.toFile());
        assertNotNull(doc, "docs/asyncapi.yaml is empty");
        assertTrue(doc.path("asyncapi").asText().startsWith("3."), "not an AsyncAPI 3 document");
    }

    @Test
    void the_channels_are_the_topics_of_the_contract() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(new TreeSet<>(CONTRACT.keySet()), addresses);
    }

    @Test
    void every_event_type_of_the_contract_has_a_message_on_its_topic() {
        Map<String, Set<String>> typesByTopic = new TreeMap<>();
        doc.path("channels").forEach(channel -> {
            Set<String> types = new TreeSet<>();
            channel.path("messages").forEach(ref -> types.add(ceType(resolve(ref))));
            typesByTopic.put(channel.path("address").asText(), types);
        });
        CONTRACT.forEach((topic, types) ->
                assertEquals(new TreeSet<>(types), typesByTopic.get(topic), "event types on " + topic));
    }

    @Test
    void every_message_is_named_after_its_type_and_received_by_an_operation() {
        Set<String> received = new TreeSet<>();
        doc.path("operations").forEach(operation -> {
            assertEquals("receive", operation.path("action").asText());
            JsonNode channel = resolve(operation.path("channel"));
            for (JsonNode ref : operation.path("messages")) {
                JsonNode message = resolve(ref);
                assertTrue(channelCarries(channel, message), ref + " is not a message of the operation's channel");
                received.add(ceType(message));
            }
        });
        Set<String> all = new TreeSet<>();
        messages().forEach((key, message) -> {
            assertEquals(ceType(message), message.path("name").asText(), "name of message " + key);
            all.add(ceType(message));
        });
        assertEquals(all, received, "every message is received by an operation");
    }

    @Test
    void every_payload_refers_to_the_schema_of_its_type_in_the_declared_draft() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, JsonNode> entry : messages().entrySet()) {
            JsonNode payload = entry.getValue().path("payload");
            String ref = payload.path("schema").path("$ref").asText();
            assertFalse(ref.isEmpty(), entry.getKey() + ": the payload is not a $ref to a schema file");
            Path file = DOCUMENT.getParent().resolve(ref).normalize();
            assertTrue(file.startsWith(SCHEMAS), entry.getKey() + ": " + ref + " is not under schemas/events/");
            assertTrue(Files.isRegularFile(file), entry.getKey() + ": " + ref + " does not exist");
            assertEquals(ceType(entry.getValue()) + ".schema.json", file.getFileName().toString(),
                    entry.getKey() + ": payload schema of another type");

            String draft = json.readTree(file.toFile()).path("$schema").asText();
            Matcher version = Pattern.compile("/draft/([0-9-]+)/schema$").matcher(draft);
            assertTrue(version.find(), file.getFileName() + " declares no JSON Schema draft: " + draft);
            assertEquals("application/schema+json;version=" + version.group(1), payload.path("schemaFormat").asText(),
                    entry.getKey() + ": schemaFormat differs from the draft " + file.getFileName() + " declares");
        }
    }

    @Test
    void every_event_schema_is_the_payload_of_a_message() throws IOException {
        Set<String> referenced = messages().values().stream()
                .map(message -> DOCUMENT.getParent().resolve(message.path("payload").path("schema").path("$ref")
                        .asText()).normalize().getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> eventSchemas;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            // event schemas are named after their ce_type (which has dots); the others are shared parts
            eventSchemas = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .filter(name -> name.substring(0, name.length() - ".schema.json".length()).contains("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> contracted = CONTRACT.values().stream().flatMap(Set::stream).map(type -> type + ".schema.json")
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(contracted, eventSchemas, "event schemas in schemas/events/: one per event type of the contract");
        Set<String> unreferenced = new TreeSet<>(eventSchemas);
        unreferenced.removeAll(referenced);
        assertTrue(unreferenced.isEmpty(), "event schemas no message refers to: " + unreferenced);
    }

    @Test
    void the_kafka_bindings_match_the_topics_as_their_producers_create_them() throws IOException {
        Properties designation = properties("designation-service");
        Properties screening = properties("screening-service");

        JsonNode designations = kafkaBinding("sanctions.designations");
        assertEquals(Integer.parseInt(designation.getProperty("outbox.topic-partitions")),
                designations.path("partitions").asInt(), "sanctions.designations partitions");
        assertEquals(List.of("compact"), strings(designations.path("topicConfiguration").path("cleanup.policy")));
        assertTrue(designations.path("topicConfiguration").path("retention.ms").isMissingNode(),
                "sanctions.designations is compacted without a time limit");

        JsonNode alerts = kafkaBinding("screening.alerts");
        assertEquals(Integer.parseInt(screening.getProperty("alerts.topic-partitions")), alerts.path("partitions").asInt(),
                "screening.alerts partitions");
        assertEquals(List.of("delete"), strings(alerts.path("topicConfiguration").path("cleanup.policy")));
        assertEquals(days(screening.getProperty("alerts.topic-retention")).toMillis(),
                alerts.path("topicConfiguration").path("retention.ms").asLong(), "screening.alerts retention.ms");

        JsonNode parties = kafkaBinding("screening.parties");
        assertEquals(Integer.parseInt(screening.getProperty("parties.topic-partitions")),
                parties.path("partitions").asInt(), "screening.parties partitions");
        assertEquals(List.of("compact"), strings(parties.path("topicConfiguration").path("cleanup.policy")));
        assertTrue(parties.path("topicConfiguration").path("retention.ms").isMissingNode(),
                "screening.parties is compacted without a time limit");
    }

    // --- reading the document

    private static Map<String, JsonNode> messages() {
        Map<String, JsonNode> messages = new TreeMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), e.getValue()));
        assertFalse(messages.isEmpty(), "no messages in components");
        return messages;
    }

    /** The ce_type a message declares: the const of its ce_type header. */
    private static String ceType(JsonNode message) {
        List<String> consts = new ArrayList<>();
        message.path("headers").findValues("ce_type").forEach(header -> {
            if (header.has("const")) {
                consts.add(header.get("const").asText());
            }
        });
        if (consts.size() != 1) {
            fail("message " + message.path("name") + " must fix ce_type once, found " + consts);
        }
        return consts.get(0);
    }

    private static boolean channelCarries(JsonNode channel, JsonNode message) {
        for (JsonNode ref : channel.path("messages")) {
            if (resolve(ref) == message) {
                return true;
            }
        }
        return false;
    }

    /** Follows local references (#/...) to the node they name, through chains of references. */
    private static JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref"); hops++) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/") && hops < 10, "not a resolvable local reference: " + ref);
            JsonNode target = doc.at(ref.substring(1).replace("~1", "/").replace("~0", "~"));
            assertFalse(target.isMissingNode(), "dangling reference " + ref);
            node = target;
        }
        return node;
    }

    private static JsonNode kafkaBinding(String topic) {
        for (JsonNode channel : doc.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                JsonNode kafka = channel.path("bindings").path("kafka");
                assertFalse(kafka.isMissingNode(), topic + " has no Kafka binding");
                return kafka;
            }
        }
        return fail("no channel " + topic);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    // --- reading the services' configuration

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Duration days(String value) {
        Matcher days = Pattern.compile("(\\d+)d").matcher(value.trim());
        assertTrue(days.matches(), "expected a retention in days such as 365d, got " + value);
        return Duration.ofDays(Long.parseLong(days.group(1)));
    }
}
