package io.sanctionsradar.notification.bench;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery against a running stack: events put on {@code screening.alerts} (as screening.match.found of a
 * portfolio of their own, so no real subscriber's filter passes them unless it takes every portfolio), a receiver
 * on loopback subscribed to that portfolio. Phase 1: a steady rate, latency from the producer's send to the
 * receiver. Phase 2: a burst, time until every webhook has arrived.
 *
 * <p>Args: bootstrap servers, notification-service URL, rate per second, seconds, burst size.
 */
public final class WebhookHarness {

    /** The bearer token scripts/bench mints for this harness (RADAR_TOKEN). */
    private static final String BEARER = "Bearer " + java.util.Objects.requireNonNull(System.getenv("RADAR_TOKEN"),
            "set RADAR_TOKEN to a bearer token (scripts/bench does)");

    private static final Pattern SENT_AT = Pattern.compile("\"benchSentAt\":\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("\"benchSeq\":(\\d+)");

    private final Map<Integer, Long> latencyMicros = new ConcurrentHashMap<>();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private volatile long lastReceivedNanos;

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String notification = args.length > 1 ? args[1] : "http://localhost:8083";
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int burst = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        new WebhookHarness().run(bootstrap, notification, rate, seconds, burst);
    }

    private void run(String bootstrap, String notification, int rate, int seconds, int burst) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Instant now = Instant.now();
                Matcher sentAt = SENT_AT.matcher(body);
                Matcher seq = SEQ.matcher(body);
                if (sentAt.find() && seq.find()) {
                    Duration latency = Duration.between(Instant.parse(sentAt.group(1)), now);
                    latencyMicros.putIfAbsent(Integer.parseInt(seq.group(1)), latency.toNanos() / 1_000);
                }
                webhookIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
                lastReceivedNanos = System.nanoTime();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.start();
        String portfolio = "bench-" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        String created = http.send(HttpRequest.newBuilder(URI.create(notification + "/api/v1/subscriptions")).header("Authorization", BEARER)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "http://127.0.0.1:%d/bench", "eventTypes": ["screening.match.found"],
                         "filter": {"portfolios": ["%s"]}, "description": "scripts/bench webhooks"}"""
                        .formatted(receiver.getAddress().getPort(), portfolio))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("cannot subscribe: " + created);
        }
        String subscription = id.group(1);

        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            int steady = rate * seconds;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < steady; i++) {
                LockSupport.parkNanos(start + i * interval - System.nanoTime());
                send(producer, portfolio, i);
            }
            producer.flush();
            awaitAll(steady, Duration.ofSeconds(60));
            report("steady " + rate + "/s for " + seconds + " s", 0, steady);

            long burstStart = System.nanoTime();
            for (int i = steady; i < steady + burst; i++) {
                send(producer, portfolio, i);
            }
            producer.flush();
            double sentIn = (System.nanoTime() - burstStart) / 1e9;
            awaitAll(steady + burst, Duration.ofSeconds(180));
            System.out.printf("burst of %d: all on Kafka after %.1f s, all received after %.1f s (%.0f/s)%n", burst,
                    sentIn, (lastReceivedNanos - burstStart) / 1e9,
                    burst / ((lastReceivedNanos - burstStart) / 1e9));
            report("burst", steady, steady + burst);
            System.out.printf("distinct webhook-ids %d for %d events%n", webhookIds.size(), steady + burst);
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(notification + "/api/v1/subscriptions/" + subscription)).header("Authorization", BEARER)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            receiver.stop(0);
            System.exit(0);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String portfolio, int seq) {
        String alertId = UUID.randomUUID().toString();
        String data = """
                {"alertId":"%s","portfolio":"%s","party":{"partyId":"bench-%d","name":"Bench Party","version":1},\
                "match":{"authority":"BENCH","programs":["BENCH"],"subjectType":"ORGANIZATION","score":0.9},\
                "benchSeq":%d,"benchSentAt":"%s"}""".formatted(alertId, portfolio, seq, seq, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>("screening.alerts", portfolio + "/bench-" + seq,
                data);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "screening.match.found".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "urn:sanctions-radar:bench".getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_subject", alertId.getBytes(StandardCharsets.UTF_8))
                .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private void awaitAll(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latencyMicros.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (latencyMicros.size() < count) {
            System.out.printf("TIMED OUT: %d of %d received%n", latencyMicros.size(), count);
        }
    }

    private void report(String phase, int from, int to) {
        List<Long> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Long v = latencyMicros.get(i);
            if (v != null) {
                values.add(v);
            }
        }
        Collections.sort(values);
        if (values.isEmpty()) {
            System.out.println(phase + ": nothing received");
            return;
        }
        System.out.printf("%s: %d received of %d; Kafka send → webhook received p50 %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", phase, values.size(), to - from, at(values, 0.50),
                at(values, 0.90), at(values, 0.99), values.get(values.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
