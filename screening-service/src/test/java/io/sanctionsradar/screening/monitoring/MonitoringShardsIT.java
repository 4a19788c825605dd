package io.sanctionsradar.screening.monitoring;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.TestEvents.designation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three packaged instances share the customer book through Kafka (ADR 0020): parties stored on any of them, listings
 * arriving while one is killed and another joins. Every expected alert is raised exactly once, on the alert store and
 * on {@code screening.alerts}, and the killed instance's shards move within the session timeout.
 */
class MonitoringShardsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PORTFOLIO = "shards";
    private static final int PARTIES = 240;
    private static final int HITS = 3 * 40;

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final List<PackagedInstance> instances = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String designations = TestEvents.TOPIC + ".shards-" + run;
    private final String alerts = "screening.alerts.shards-" + run;
    private final String bearer = TestTokens.everything();

    @AfterEach
    void stopInstances() {
        instances.forEach(PackagedInstance::kill);
    }

    @Test
    void three_instances_one_killed_one_added_raise_every_alert_exactly_once() throws Exception {
        String database = infra.createFreshDatabase("screening_shards");
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(designations, 3);
            PackagedInstance a = start("a", database);
            PackagedInstance b = start("b", database);
            PackagedInstance c = start("c", database);
            List<PackagedInstance> running = List.of(a, b, c);
            awaitOwners(database, 3);

            // the book, stored round-robin through the three instances: a third of it will be listed
            for (int i = 0; i < PARTIES; i++) {
                store(running.get(i % 3), "party-" + i, name(i));
            }
            List<ObjectNode> listings = new ArrayList<>();
            for (int i = 0; i < HITS; i++) {
                listings.add(designation(name(i)));
            }
            publish(kafka, listings.subList(0, 40));
            awaitAlerts(a, 40);

            // b dies in the middle of the next listings; d joins while the last ones arrive
            Thread killer = new Thread(() -> {
                sleepQuietly(200);
                b.kill();
            });
            killer.start();
            Instant killedAt = Instant.now();
            publish(kafka, listings.subList(40, 80));
            killer.join();
            PackagedInstance d = start("d", database);
            publish(kafka, listings.subList(80, HITS));
            // parties stored after their listing, through the new and an old instance: each alerts too
            List<ObjectNode> late = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ObjectNode listed = designation(lateName(i));
                late.add(listed);
            }
            publish(kafka, late);
            for (int i = 0; i < 20; i++) {
                store(i % 2 == 0 ? d : c, "late-" + i, lateName(i));
            }

            Duration moved = awaitOwnersWithout(database, "shards-b-" + run, killedAt);
            System.out.printf("MonitoringShardsIT: the killed instance's shards were live elsewhere after %d ms%n",
                    moved.toMillis());
            awaitAlerts(c, HITS + 20);
            Thread.sleep(2000); // a double would come late: give it the time
            Map<String, Integer> stored = alertsByParty(database);
            assertEquals(HITS + 20, stored.size(), "every listed party alerted: " + stored.size());
            assertTrue(stored.values().stream().allMatch(n -> n == 1), "no party alerted twice: " + doubles(stored));
            Map<String, Integer> published = foundEventsByParty(kafka);
            assertEquals(stored.keySet(), published.keySet(), "each alert is on screening.alerts");
            assertTrue(published.values().stream().allMatch(n -> n == 1), "one alert found per party on the topic: "
                    + doubles(published));
            assertTrue(moved.compareTo(Duration.ofSeconds(30)) <= 0, "the shards of the killed instance moved in "
                    + moved);
        }
    }

    private PackagedInstance start(String name, String database) throws IOException {
        PackagedInstance instance = PackagedInstance.start("shards-" + name, database, "shards-" + name + "-" + run,
                "384m", Map.of("mp.messaging.incoming.designations.topic", designations,
                        "alerts.topic", alerts,
                        "parties.topic", "screening.parties.shards-" + run,
                        "mp.messaging.incoming.party-shards.group.id", "screening-monitoring-" + run));
        instances.add(instance);
        return instance;
    }

    private void store(PackagedInstance instance, String partyId, String name) throws Exception {
        HttpResponse<String> response = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                response = instance.send("PUT", "/api/v1/monitored-parties/" + partyId + "?portfolio=" + PORTFOLIO,
                        bearer, JSON.writeValueAsString(Map.of("name", name, "type", "PERSON")));
                if (response.statusCode() == 201) {
                    return;
                }
            } catch (IOException e) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("could not store " + partyId + " on " + instance.name() + ": "
                + (response == null ? "no answer" : response.statusCode() + " " + response.body()));
    }

    private void publish(KafkaTestClient kafka, List<ObjectNode> listings) {
        listings.forEach(listed -> TestEvents.publish(kafka, designations, listed));
    }

    /** Waits until this many alerts are in the shared store, read through one instance. */
    private void awaitAlerts(PackagedInstance instance, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int total = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = instance.get("/api/v1/alerts?portfolio=" + PORTFOLIO + "&size=1", bearer);
            total = response.statusCode() == 200 ? JSON.readTree(response.body()).get("total").asInt() : -1;
            if (total >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("expected " + count + " alerts, found " + total + " within " + WAIT);
    }

    /** Waits until the six shards are held by this many owners, and all live. */
    private void awaitOwners(String database, int owners) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> byOwner = shardsByOwner(database);
            if (byOwner.size() == owners && byOwner.values().stream().mapToInt(Integer::intValue).sum() == 6
                    && instances.stream().allMatch(this::ready)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("shards not spread over " + owners + " owners: " + shardsByOwner(database));
    }

    /** Waits until no shard is held by the killed instance and all instances are live; answers how long it took. */
    private Duration awaitOwnersWithout(String database, String killed, Instant since) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> byOwner = shardsByOwner(database);
            if (!byOwner.containsKey(killed) && instances.stream().filter(i -> i.process().isAlive())
                    .allMatch(this::ready)) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed instance still holds shards: " + shardsByOwner(database));
    }

    /** Ready (its first shards live) and rebuilding none; a killed instance counts as done. */
    private boolean ready(PackagedInstance instance) {
        return !instance.process().isAlive() || instance.shardsLive(bearer);
    }

    private Map<String, Integer> shardsByOwner(String database) throws SQLException {
        try {
            return countBy(database, "SELECT owner, count(*) FROM monitoring_shard GROUP BY owner");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return Map.of(); // the first instance has not migrated the database yet
            }
            throw e;
        }
    }

    private Map<String, Integer> alertsByParty(String database) throws SQLException {
        return countBy(database, "SELECT party_id, count(*) FROM alert WHERE portfolio = '" + PORTFOLIO
                + "' GROUP BY party_id");
    }

    private Map<String, Integer> countBy(String database, String sql) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database, infra.postgresUser(), infra.postgresPassword());
             PreparedStatement query = c.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /**
     * The alerts found per party on the topic, by distinct event id: the outbox publishes at least once (a relay
     * killed between sending and marking may send a row again, with its event id), and readers go by that id.
     */
    private Map<String, Integer> foundEventsByParty(KafkaTestClient kafka) {
        Map<String, Set<String>> ids = new HashMap<>();
        Set<String> seen = new HashSet<>();
        kafka.readUntil(alerts, r -> {
            if (AlertEvents.FOUND.equals(header(r, "ce_type")) && seen.add(header(r, "ce_id"))) {
                ids.computeIfAbsent(r.key().substring(PORTFOLIO.length() + 1), k -> new HashSet<>())
                        .add(header(r, "ce_subject"));
            }
            return seen.size() >= HITS + 20;
        }, WAIT);
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((party, alertIds) -> counts.put(party, alertIds.size()));
        return counts;
    }

    private static String doubles(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).toList().toString();
    }

    /** Made-up names of three words of random syllables (reproducible): no two of them match each other. */
    private static String name(int i) {
        Random random = new Random(7919L * i + 17);
        return word(random) + " " + word(random) + " " + word(random);
    }

    private static String lateName(int i) {
        return name(PARTIES + i);
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static final String[] SYLLABLES = {"ka", "zu", "mor", "vel", "tri", "quon", "bax", "lem", "dro", "fis",
            "gar", "hup", "jin", "nok", "pev", "rau", "sif", "tol", "wim", "yor", "zed", "brun", "clo", "dax"};

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
