package io.sanctionsradar.screening.monitoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.bench.BenchData;
import io.sanctionsradar.screening.PackagedInstance;
import io.sanctionsradar.screening.TestEvents;
import io.sanctionsradar.screening.monitoring.MonitoredParty;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Monitoring sharded over packaged instances, end to end (docs/benchmarks.md, monitoring shards): a book of synthetic
 * parties (as {@link MonitoringHarness} makes it) on {@code screening.parties}, the CSL fixture as designations, and N
 * instances on one database of the local infrastructure. The shards start as a running system left them (checked up
 * to the ends of both topics), so the first start rebuilds them without screening the book again. Measured: the start
 * (watchlist and shards rebuilt), each instance's heap, the latency from a designation event produced to its alert
 * consumed from {@code screening.alerts}, and how long the shards of a killed instance take to be live elsewhere.
 *
 * <p>Arguments: parties (3,000,000), measured designations (200), instances (3), heap per instance (3g).
 */
public final class ShardsHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 100;
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final TestInfrastructure infra = TestInfrastructure.get();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String designations = "sanctions.designations.bench-" + run;
    private final String parties = "screening.parties.bench-" + run;
    private final String alerts = "screening.alerts.bench-" + run;
    private final String bearer = TestTokens.everything();
    private final Map<String, Long> alerted = new ConcurrentHashMap<>(); // designation id -> nanoTime its alert came
    private final Map<String, Instant> found = new ConcurrentHashMap<>(); // designation id -> the alert's foundAt
    private final List<PackagedInstance> instances = new ArrayList<>();
    private String database;

    private ShardsHarness() {
    }

    public static void main(String[] args) throws Exception {
        int partyCount = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int instanceCount = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String heap = args.length > 3 ? args[3] : "3g";
        ShardsHarness harness = new ShardsHarness();
        try {
            harness.run(partyCount, measured, instanceCount, heap);
        } finally {
            harness.instances.forEach(PackagedInstance::kill);
        }
        System.exit(0); // the local infrastructure's threads would keep the JVM
    }

    private void run(int partyCount, int measured, int instanceCount, String heap) throws Exception {
        List<WatchlistEntry> entries = BenchData.fixture().stream()
                .filter(e -> e.names().stream().anyMatch(n -> n.kind() == NameKind.PRIMARY)).toList();
        Random random = new Random(11);
        List<WatchlistEntry> shuffled = new ArrayList<>(entries);
        java.util.Collections.shuffle(shuffled, random);
        List<WatchlistEntry> arriving = shuffled.subList(0, WARM_UP + measured);
        List<WatchlistEntry> listed = shuffled.subList(WARM_UP + measured, shuffled.size());

        List<MonitoredParty> book = new ArrayList<>(MonitoringHarness.book(entries, partyCount, new Random(7)));
        for (int i = 0; i < arriving.size(); i++) { // one party per arriving listing, named as it is
            MonitoredParty p = book.get(i * (partyCount / arriving.size()));
            book.set(i * (partyCount / arriving.size()), new MonitoredParty(p.portfolio(), p.partyId(),
                    primary(arriving.get(i)), arriving.get(i).type(), null, null, 1, p.createdAt(), p.updatedAt()));
        }
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            kafka.createCompactedTopic(designations, 3);
            kafka.createCompactedTopic(parties, 6);
        }
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            listed.forEach(e -> producer.send(designationRecord(e)));
            book.forEach(p -> producer.send(partyRecord(p)));
        }
        System.out.printf(Locale.ROOT, "published %d designations and %d parties in %.1f s%n", listed.size(),
                book.size(), (System.nanoTime() - t0) / 1e9);
        book = null; // the instances hold it now

        database = infra.createFreshDatabase("screening_shards_bench");
        Flyway.configure().dataSource(database, infra.postgresUser(), infra.postgresPassword())
                .locations("classpath:db/migration", "classpath:db/audit").load().migrate();
        seedShards();

        t0 = System.nanoTime();
        for (int i = 0; i < instanceCount; i++) {
            instances.add(start(String.valueOf((char) ('a' + i)), heap));
        }
        awaitShardsLive(null);
        Thread listener = listenForAlerts();
        System.out.printf(Locale.ROOT, "%d instances up, watchlist loaded and %d parties rebuilt in %.1f s; heap %s%n",
                instanceCount, partyCount, (System.nanoTime() - t0) / 1e9, heaps());

        latencies("warm-up", arriving.subList(0, WARM_UP / 2));
        latencies("measured", arriving.subList(WARM_UP, WARM_UP + measured));

        if (instances.size() < 2) {
            return; // nobody to take over
        }
        PackagedInstance victim = instances.get(1);
        Map<String, Integer> before = shardsByOwner();
        t0 = System.nanoTime();
        victim.kill();
        awaitShardsLive(victim);
        System.out.printf(Locale.ROOT, "killed %s (%d shards, about %d parties): its shards live elsewhere after %.1f s;"
                        + " owners now %s%n", victim.name(), before.getOrDefault(id(victim), 0),
                partyCount / 6 * before.getOrDefault(id(victim), 0), (System.nanoTime() - t0) / 1e9, shardsByOwner());
        latencies("after the kill", arriving.subList(WARM_UP / 2, WARM_UP));
        listener.interrupt();
    }

    private static String primary(WatchlistEntry entry) {
        return entry.names().stream().filter(n -> n.kind() == NameKind.PRIMARY).findFirst().orElseThrow().name();
    }

    /** Publishes the arriving listings one at a time, each once the last one's alert came; prints the latencies. */
    private void latencies(String label, List<WatchlistEntry> arriving) throws Exception {
        long[] nanos = new long[arriving.size()];
        long[] toFound = new long[arriving.size()]; // produced to the alert's foundAt: consumed, checked, recorded
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < arriving.size(); i++) {
                ProducerRecord<String, String> record = designationRecord(arriving.get(i));
                String id = record.key();
                long sent = System.nanoTime();
                Instant sentAt = Instant.now();
                producer.send(record);
                producer.flush();
                long deadline = sent + Duration.ofSeconds(60).toNanos();
                while (!alerted.containsKey(id)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no alert for " + primary(arriving.get(i)) + " within 60 s");
                    }
                    Thread.onSpinWait();
                }
                nanos[i] = alerted.get(id) - sent;
                toFound[i] = Duration.between(sentAt, found.get(id)).toNanos();
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(toFound);
        System.out.printf(Locale.ROOT, "%s: %d designations, event produced to alert consumed: p50 %.1f ms, p90 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms (produced to found: p50 %.1f ms, p99 %.1f ms)%n", label, nanos.length,
                pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, pct(toFound, 50),
                pct(toFound, 99));
    }

    /** Reads screening.alerts from its start on a thread of its own; returns once it has its partitions. */
    private Thread listenForAlerts() {
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", "bench-" + run,
                    "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(alerts));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                listening.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        JsonNode alert = JSON.readTree(record.value());
                        String designationId = alert.path("trigger").path("designationId").asText();
                        // a listing of a subject the party already has an alert for is evidence on it (amended)
                        JsonNode at = alert.has("foundAt") ? alert.get("foundAt") : alert.path("amendedAt");
                        found.putIfAbsent(designationId, Instant.parse(at.asText()));
                        alerted.putIfAbsent(designationId, now);
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "alerts");
        thread.setDaemon(true);
        thread.start();
        try {
            listening.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return thread;
    }

    private PackagedInstance start(String name, String heap) throws Exception {
        // screening-service's JVM options in docker-compose.yml, with the heap of a third of the book
        return PackagedInstance.start("bench-" + name, database, "bench-" + name + "-" + run,
                List.of("-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-XX:+UseTransparentHugePages"),
                Map.of("mp.messaging.incoming.designations.topic", designations, "alerts.topic", alerts,
                        "parties.topic", parties, "mp.messaging.incoming.party-shards.group.id", "bench-" + run,
                        "quarkus.log.console.json.enabled", "false"));
    }

    private String id(PackagedInstance instance) {
        return instance.name() + "-" + run;
    }

    /** As a running system leaves them: every shard checked up to the ends of both topics, owned by nobody alive. */
    private void seedShards() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()));
             Connection c = DriverManager.getConnection(database, infra.postgresUser(), infra.postgresPassword());
             PreparedStatement insert = c.prepareStatement("INSERT INTO monitoring_shard (shard, owner, epoch, "
                     + "designation_positions, parties_offset, updated_at) VALUES (?, 'seed', 1, ?::jsonb, ?, now())")) {
            Map<Integer, Long> designationEnds = ends(admin, designations, 3);
            Map<Integer, Long> partyEnds = ends(admin, parties, 6);
            for (int shard = 0; shard < 6; shard++) {
                insert.setInt(1, shard);
                insert.setString(2, JSON.writeValueAsString(designationEnds));
                insert.setLong(3, partyEnds.get(shard));
                insert.executeUpdate();
            }
        }
    }

    private static Map<Integer, Long> ends(AdminClient admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    /** Waits until the six shards are held by live instances (not {@code killed}), all rebuilt. */
    private void awaitShardsLive(PackagedInstance killed) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> owners = shardsByOwner();
            boolean moved = !owners.containsKey("seed") && (killed == null || !owners.containsKey(id(killed)));
            if (moved && instances.stream().filter(i -> i.process().isAlive()).allMatch(i -> i.shardsLive(bearer))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the shards did not go live within " + WAIT + ": " + shardsByOwner());
    }

    private String heaps() {
        return instances.stream().map(i -> {
            try {
                String metrics = i.get("/q/metrics", bearer).body();
                double used = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                return i.name() + " " + Math.round(used / 1e6) + " MB";
            } catch (Exception e) {
                return i.name() + " ?";
            }
        }).collect(Collectors.joining(", "));
    }

    private Map<String, Integer> shardsByOwner() throws Exception {
        Map<String, Integer> owners = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database, infra.postgresUser(), infra.postgresPassword());
             PreparedStatement query = c.prepareStatement("SELECT owner, count(*) FROM monitoring_shard GROUP BY owner");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getInt(2));
            }
        }
        return owners;
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers(), "acks", "all",
                "linger.ms", "20", "batch.size", String.valueOf(256 * 1024), "compression.type", "lz4"),
                new StringSerializer(), new StringSerializer());
    }

    /** A CSL entry as designation-service would publish it: a first version, listed. */
    private ProducerRecord<String, String> designationRecord(WatchlistEntry entry) {
        ObjectNode d = TestEvents.designation(primary(entry));
        String id = UUID.nameUUIDFromBytes(entry.entryId().getBytes(StandardCharsets.UTF_8)).toString();
        d.put("designationId", id);
        ObjectNode subject = (ObjectNode) d.get("subject");
        subject.put("type", entry.type().name());
        ArrayNode aliases = subject.putArray("aliases");
        for (EntryName name : entry.names()) {
            if (name.kind() != NameKind.PRIMARY) {
                aliases.addObject().put("name", name.name()).put("kind", name.kind().name());
            }
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(designations, id, d.toString());
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "sanctions.entity.listed");
        header(record, "ce_source", "urn:sanctions-radar:bench");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", Instant.now().toString());
        return record;
    }

    private ProducerRecord<String, String> partyRecord(MonitoredParty p) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("portfolio", p.portfolio());
        payload.put("partyId", p.partyId());
        payload.put("version", p.version());
        payload.put("name", p.name());
        payload.put("type", p.type().name());
        if (p.birthDate() != null) {
            payload.put("birthDate", p.birthDate());
        }
        if (p.country() != null) {
            payload.put("country", p.country());
        }
        payload.put("identifiers", List.of());
        payload.put("savedAt", p.updatedAt().toString());
        payload.put("createdAt", p.createdAt().toString());
        String key = p.portfolio() + "/" + p.partyId();
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(parties, key, JSON.writeValueAsString(payload));
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", "screening.party.saved");
            header(record, "ce_subject", key);
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p / 100 * (sorted.length - 1)))] / 1e6;
    }
}
