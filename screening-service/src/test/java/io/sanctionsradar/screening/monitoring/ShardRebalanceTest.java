package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.TestEvents;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real rebalance of the monitoring consumer group: a second member joins and takes shards away from the application,
 * listings and a party change arrive meanwhile, the member leaves and the shards come back. They are rebuilt from the
 * compacted topic and catch up: every hit alerts exactly once, whether it was missed as a listing or as a party.
 */
@QuarkusTest
class ShardRebalanceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] NAMES = {"Bartholomew Quenneville", "Ingeborga Szczepanska", "Leocadio Vantongeren",
            "Svanhildur Oyelaran", "Torbjoern Achterberg", "Wilhelmina Pasquarelli", "Zdravko Okonkwo-Haller"};

    @Inject
    LiveBook book;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "parties.topic")
    String partiesTopic;

    @ConfigProperty(name = "mp.messaging.incoming.party-shards.group.id")
    String group;

    @Test
    void shards_taken_away_and_given_back_are_rebuilt_and_catch_up_on_what_they_missed() throws Exception {
        String portfolio = "rebalance-" + UUID.randomUUID().toString().substring(0, 8);
        SortedSet<Integer> all = book.liveShards();
        assertEquals(6, all.size(), "one instance owns every shard");
        Map<Integer, String> partyOfShard = onePartyPerShard(portfolio);
        partyOfShard.forEach((shard, partyId) -> put(portfolio, partyId, name(shard)));

        try (Member other = new Member()) {
            SortedSet<Integer> taken = other.awaitShards();
            assertFalse(taken.isEmpty());
            await().atMost(WAIT).until(() -> book.liveShards().size() == 6 - taken.size()
                    && Collections.disjoint(book.liveShards(), taken));
            SortedSet<Integer> kept = new TreeSet<>(all);
            kept.removeAll(taken);
            assertFalse(kept.isEmpty(), "the application keeps some shards");

            // a listing for each party, those of the taken shards first: once the kept ones alert, all were consumed
            Map<Integer, ObjectNode> listings = new LinkedHashMap<>();
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                kafka.createCompactedTopic(TestEvents.TOPIC, 3);
                for (int shard : concat(taken, kept)) {
                    ObjectNode listed = designation(name(shard));
                    listings.put(shard, listed);
                    TestEvents.publish(kafka, listed);
                }
            }
            await().atMost(WAIT).until(() -> alertsOf(portfolio).size() == kept.size());
            for (int shard : taken) {
                assertTrue(alertsFor(portfolio, partyOfShard.get(shard)).isEmpty(),
                        "shard " + shard + " is not monitored here while the other member holds it");
            }

            // a party stored while its shard is away: its answer shows the hit, nobody alerts yet
            int away = taken.first();
            String lateParty = partyIn(portfolio, away, "late-");
            JsonPath answer = put(portfolio, lateParty, name(away));
            assertEquals(1, answer.getList("screening.matches").size());
            assertTrue(alertsFor(portfolio, lateParty).isEmpty());

            // the shards come back when the member leaves
            other.leave();
            await().atMost(WAIT).until(() -> book.liveShards().equals(all));

            // rebuilt and caught up: each party alerted once, by its listing's event
            await().atMost(WAIT).until(() -> alertsOf(portfolio).size() == all.size() + 1);
            for (Map.Entry<Integer, String> party : partyOfShard.entrySet()) {
                List<Map<String, Object>> alerts = alertsFor(portfolio, party.getValue());
                assertEquals(1, alerts.size(), "one alert for " + party.getValue());
                assertEquals(id(listings.get(party.getKey())), alerts.get(0).get("entryId"));
                assertEquals("WATCHLIST_CHANGE", ((Map<?, ?>) alerts.get(0).get("trigger")).get("kind"));
            }
            // the late party's hit is found twice at activation, by the replayed listing first: one alert, on it
            List<Map<String, Object>> late = alertsFor(portfolio, lateParty);
            assertEquals(1, late.size());
            assertEquals(id(listings.get(away)), late.get(0).get("entryId"));
            assertEquals(id(listings.get(away)), ((Map<?, ?>) late.get(0).get("trigger")).get("designationId"));
        }
        Thread.sleep(1000); // nothing more comes
        assertEquals(all.size() + 1, alertsOf(portfolio).size());
    }

    /** A party id in each shard, found by trying ids as the producer's partitioner places them. */
    private Map<Integer, String> onePartyPerShard(String portfolio) {
        Map<Integer, String> found = new HashMap<>();
        for (int i = 0; found.size() < 6; i++) {
            found.putIfAbsent(book.shardOf(portfolio, "p-" + i), "p-" + i);
        }
        return found;
    }

    private String partyIn(String portfolio, int shard, String prefix) {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> prefix + i)
                .filter(id -> book.shardOf(portfolio, id) == shard).findFirst().orElseThrow();
    }

    private static String name(int shard) {
        return NAMES[shard];
    }

    private static List<Integer> concat(SortedSet<Integer> first, SortedSet<Integer> then) {
        List<Integer> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
    }

    private static JsonPath put(String portfolio, String partyId, String name) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio)
                .body(Map.of("name", name, "type", "PERSON")).put("/api/v1/monitored-parties/" + partyId)
                .then().statusCode(201).extract().jsonPath();
    }

    private static List<Map<String, Object>> alertsOf(String portfolio) {
        return given().queryParam("portfolio", portfolio).queryParam("size", 100).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> alertsFor(String portfolio, String partyId) {
        return alertsOf(portfolio).stream().filter(a -> partyId.equals(a.get("partyId"))).toList();
    }

    /** Another member of the application's consumer group, polling on a thread of its own as a consumer must. */
    private final class Member implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Set<TopicPartition>> assignment = new AtomicReference<>(Set.of());
        private final Thread thread;

        Member() {
            thread = new Thread(this::run, "other-member");
            thread.start();
        }

        private void run() {
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(partiesTopic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100));
                    assignment.set(Set.copyOf(consumer.assignment()));
                }
            } // closing leaves the group: its partitions go back
        }

        SortedSet<Integer> awaitShards() {
            await().atMost(WAIT).until(() -> !assignment.get().isEmpty());
            SortedSet<Integer> shards = new TreeSet<>();
            assignment.get().forEach(p -> shards.add(p.partition()));
            return shards;
        }

        void leave() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        @Override
        public void close() throws InterruptedException {
            leave();
        }
    }
}
