package io.sanctionsradar.infra.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver for tests: a real HTTP server on loopback that records every request and answers what the
 * test tells it to. It checks signatures the way a subscriber would, written here from the specification.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Map<String, List<String>> headers, String body, long receivedAtNanos) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String webhookId() {
            return header("webhook-id");
        }

        /** True if one of the {@code v1,} signatures in the header is the HMAC of id.timestamp.body with the secret. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                        (webhookId() + "." + header("webhook-timestamp") + "." + body)
                                .getBytes(StandardCharsets.UTF_8)));
                return Arrays.asList(header("webhook-signature").split(" ")).contains(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What to answer: a status code, and Retry-After and Location headers when not null. */
    public record Answer(int status, String retryAfter, String location) {

        public Answer(int status, String retryAfter) {
            this(status, retryAfter, null);
        }

        public static Answer ok() {
            return new Answer(200, null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = r -> Answer.ok();
    private HttpServer server;
    private int port;

    public WebhookReceiver() {
        start(0);
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test receiver", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
            Received request = new Received(headers, new String(body, StandardCharsets.UTF_8), System.nanoTime());
            received.add(request);
            Answer answer = answers.apply(request);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests whose body mentions the text (e.g. a designation id). */
    public List<Received> about(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }
}
