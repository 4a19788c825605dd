package io.sanctionsradar.designation.sources;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list publisher on loopback for sync tests: serves one CSL file with an ETag, answers 304 to a matching
 * If-None-Match, and can be told to fail with a status or to redirect. The US-CSL source points at it.
 */
public class ListServer implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;
    private static volatile byte[] body = new byte[0];
    private static volatile int failWith;
    private static volatile String redirectTo;
    static final AtomicInteger requests = new AtomicInteger();
    static final AtomicInteger notModified = new AtomicInteger();

    static void publish(byte[] content) {
        body = content;
        failWith = 0;
        redirectTo = null;
    }

    static void failWith(int status) {
        failWith = status;
    }

    static void redirectTo(String location) {
        redirectTo = location;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/csl/consolidated.csv", exchange -> {
            requests.incrementAndGet();
            byte[] content = body;
            String etag = "\"" + sha256(content) + "\"";
            if (redirectTo != null) {
                exchange.getResponseHeaders().add("Location", redirectTo);
                exchange.sendResponseHeaders(302, -1);
            } else if (failWith != 0) {
                exchange.sendResponseHeaders(failWith, -1);
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/csl/consolidated.csv";
        return Map.of("list-sources.sources.US-CSL.urls", url, "list-sources.sources.US-CSL.enabled", "true",
                "list-sources.attempts", "2", "list-sources.backoff", "PT0.2S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
