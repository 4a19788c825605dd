package io.sanctionsradar.designation.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for designation-service against a running stack (scripts/stack up): POSTs designations and
 * watches sanctions.designations for their events.
 *
 * <pre>
 * latency:    POSTs one at a time at --rate per second, --count of them; reports POST → event-on-Kafka times
 * throughput: --threads clients POST as fast as they can for --seconds; reports the sustained rate and how long
 *             the outbox took to publish every event
 * screenable: POSTs one at a time at --rate per second, --count of them, and screens each name on screening-service
 *             (--screening, default http://localhost:8082) every 2 ms until it matches; reports POST → screenable
 * </pre>
 * Run: {@code ./mvnw -q -pl designation-service exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sanctionsradar.designation.bench.DesignationLoad -Dexec.args="latency --count 1000 --rate 50"}
 */
public final class DesignationLoad {

    /** The bearer token scripts/bench mints for this harness (RADAR_TOKEN). */
    private static final String BEARER = "Bearer " + java.util.Objects.requireNonNull(System.getenv("RADAR_TOKEN"),
            "set RADAR_TOKEN to a bearer token (scripts/bench does)");

    private static final Pattern ID = Pattern.compile("\"designationId\":\"([^\"]+)\"");

    private final String base;
    private final String kafka;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> postedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong eventsSeen = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    private DesignationLoad(String base, String kafka) {
        this.base = base;
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        DesignationLoad load = new DesignationLoad(options.getOrDefault("base", "http://localhost:8081"),
                options.getOrDefault("kafka", "127.0.0.1:9092"));
        String mode = args.length > 0 ? args[0] : "latency";
        if (mode.equals("latency")) {
            load.latency(Integer.parseInt(options.getOrDefault("count", "1000")),
                    Integer.parseInt(options.getOrDefault("rate", "50")));
        } else if (mode.equals("screenable")) {
            load.screenable(Integer.parseInt(options.getOrDefault("count", "200")),
                    Integer.parseInt(options.getOrDefault("rate", "5")),
                    options.getOrDefault("screening", "http://localhost:8082"));
        } else {
            load.throughput(Integer.parseInt(options.getOrDefault("threads", "16")),
                    Integer.parseInt(options.getOrDefault("seconds", "30")));
        }
        System.exit(0);
    }

    private void latency(int count, int rate) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = startConsumer(ready);
        ready.await();
        List<Long> postTimes = new ArrayList<>();
        paced(count, rate, () -> {
            long start = System.nanoTime();
            post(start);
            postTimes.add(System.nanoTime() - start);
        });
        awaitEvents(count, Duration.ofSeconds(30));
        stop.set(true);
        consumer.join();
        System.out.printf("latency: %d designations at %d/s%n", count, rate);
        System.out.println("  POST response     " + percentiles(postTimes));
        System.out.println("  POST → on Kafka   " + percentiles(eventLatencies()) + "  (" + eventsSeen.get()
                + " events seen)");
    }

    private void screenable(int count, int rate, String screening) throws Exception {
        List<Long> latencies = new ArrayList<>();
        paced(count, rate, () -> {
            long start = System.nanoTime();
            String[] posted = post(start);
            String query = "{\"name\":\"" + posted[1] + "\",\"threshold\":1.0,\"sourceLists\":[\"LOAD-TEST\"]}";
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(screening + "/api/v1/screenings")).header("Authorization", BEARER)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.body().contains(posted[0])) {
                    latencies.add(System.nanoTime() - start);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(posted[1] + " was not screenable within 30 s");
                }
                Thread.sleep(2);
            }
        });
        System.out.printf("screenable: %d designations at %d/s%n", count, rate);
        System.out.println("  POST → screenable " + percentiles(latencies));
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs the step {@code count} times at {@code rate} per second, one after the other. */
    private static void paced(int count, int rate, Step step) throws Exception {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += intervalNanos;
            step.run();
        }
    }

    private void throughput(int threads, int seconds) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = startConsumer(ready);
        ready.await();
        AtomicLong posted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        post(System.nanoTime());
                        posted.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double postSeconds = (System.nanoTime() - started) / 1e9;
        long eventsAtEnd = eventsSeen.get();
        awaitEvents(posted.get(), Duration.ofSeconds(120));
        double drainedAfter = (System.nanoTime() - started) / 1e9 - postSeconds;
        stop.set(true);
        consumer.join();
        System.out.printf("throughput: %d clients for %d s%n", threads, seconds);
        System.out.printf("  %d designations recorded (%d failed): %.0f/s%n", posted.get(), failed.get(),
                posted.get() / postSeconds);
        System.out.printf("  events on Kafka when the load stopped: %d (%.0f/s); all %d after a further %.2f s%n",
                eventsAtEnd, eventsAtEnd / postSeconds, eventsSeen.get(), drainedAfter);
        System.out.println("  POST → on Kafka   " + percentiles(eventLatencies()));
    }

    /** From the start of each POST to its event's arrival on the topic. */
    private List<Long> eventLatencies() {
        List<Long> latencies = new ArrayList<>();
        postedAt.forEach((id, start) -> {
            Long arrived = arrivedAt.get(id);
            if (arrived != null) {
                latencies.add(arrived - start);
            }
        });
        return latencies;
    }

    /** Records a designation; answers its id and name. */
    private String[] post(long startNanos) throws Exception {
        String name = "LOAD, Test " + UUID.randomUUID();
        String body = """
                {"authority":"US-OFAC","programs":["GLOMAG"],"listedOn":"2021-03-22","sourceList":"LOAD-TEST",
                 "sourceId":"%s","measures":[{"type":"ASSET_FREEZE"}],
                 "subject":{"type":"PERSON","name":"%s","aliases":[{"name":"王君正","kind":"AKA","script":"Hani"}],
                 "birthDates":["1963-06"],"nationalities":["CN"]}}""".formatted(UUID.randomUUID(), name);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/designations")).header("Authorization", BEARER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no designationId in " + response.body());
        }
        postedAt.put(id.group(1), startNanos);
        return new String[]{id.group(1), name};
    }

    private Thread startConsumer(CountDownLatch ready) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ConsumerConfig.GROUP_ID_CONFIG, "load-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor("sanctions.designations").stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        arrivedAt.putIfAbsent(record.key(), System.nanoTime());
                        eventsSeen.incrementAndGet();
                    }
                }
            }
        }, "event-watcher");
        thread.start();
        return thread;
    }

    private void awaitEvents(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (eventsSeen.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
